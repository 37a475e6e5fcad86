import type { TextBinding } from '../../lib/form.js';
import { BloodType } from '../../../contracts/enums.js';
import type { Patient } from '../../../contracts/patients.js';
import { todayIsoDate } from '../../lib/datetime.js';
import { SelectField } from '../../lib/ui/select-field.js';
import { TextAreaField } from '../../lib/ui/textarea-field.js';
import { TextField } from '../../lib/ui/text-field.js';

type MedicalField = 'medicalHistory' | 'allergies' | 'emergencyContact' | 'bloodType' | 'dateOfBirth';

const bloodTypeOptions = BloodType.options.map((t) => ({ value: t, label: t }));

/** A patient's medical profile, as both admins and the patient edit it. */
export function MedicalFields({ text }: { text: (name: MedicalField) => TextBinding }) {
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Date of birth" type="date" max={todayIsoDate()} optional {...text('dateOfBirth')} />
        <SelectField
          label="Blood type"
          placeholder="Not known"
          options={bloodTypeOptions}
          optional
          {...text('bloodType')}
        />
      </div>
      <TextAreaField
        label="Allergies"
        hint="Medicines, foods or anything else, with the reaction if known."
        rows={3}
        optional
        {...text('allergies')}
      />
      <TextAreaField
        label="Medical history"
        hint="Past illnesses, operations, long-term conditions and current medicines."
        rows={5}
        optional
        {...text('medicalHistory')}
      />
      <TextField
        label="Emergency contact"
        hint="Name, relationship and phone number."
        autoComplete="off"
        optional
        {...text('emergencyContact')}
      />
    </>
  );
}

export function medicalValues(p: Patient) {
  return {
    medicalHistory: p.medicalHistory,
    allergies: p.allergies,
    emergencyContact: p.emergencyContact,
    bloodType: p.bloodType ?? '',
    dateOfBirth: p.dateOfBirth ?? '',
  };
}

export const emptyMedical = {
  medicalHistory: '',
  allergies: '',
  emergencyContact: '',
  bloodType: '',
  dateOfBirth: '',
};

/** Form text -> the PatientProfileFields shape (blank blood type / birth date = null). */
export function medicalBody(v: Record<MedicalField, string | boolean>) {
  const s = (x: string | boolean) => (typeof x === 'string' ? x.trim() : '');
  return {
    medicalHistory: s(v.medicalHistory),
    allergies: s(v.allergies),
    emergencyContact: s(v.emergencyContact),
    bloodType: s(v.bloodType) || null,
    dateOfBirth: s(v.dateOfBirth) || null,
  };
}

/** How much of the medical profile is filled in (for the patient's prompt). */
export function medicalCompleteness(p: Patient) {
  const parts = [
    { label: 'date of birth', done: Boolean(p.dateOfBirth) },
    { label: 'blood type', done: Boolean(p.bloodType) },
    { label: 'allergies', done: p.allergies.trim() !== '' },
    { label: 'medical history', done: p.medicalHistory.trim() !== '' },
    { label: 'emergency contact', done: p.emergencyContact.trim() !== '' },
  ];
  return { done: parts.filter((x) => x.done).length, total: parts.length, missing: parts.filter((x) => !x.done).map((x) => x.label) };
}
