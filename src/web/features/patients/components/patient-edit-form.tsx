import { PatientPatch, type Patient } from '../../../../contracts/patients.js';
import { PersonFields, personBody, personValues } from '../../../entities/accounts/person-fields.js';
import { MedicalFields, medicalBody, medicalValues } from '../../../entities/patients/medical-fields.js';
import { useUpdatePatient } from '../../../entities/patients/patient-api.js';
import { patchChanges, useForm } from '../../../lib/form.js';
import { FormFrame, useSaveNote } from '../../../lib/ui/form-frame.js';

/** A patient's contact details and medical profile, as staff edit them or the patient (`own`) keeps them up to date. */
export function PatientEditForm({
  patient,
  own = false,
  onDone,
  onCancel,
}: {
  patient: Patient;
  own?: boolean;
  onDone?: (changed: boolean) => void;
  onCancel?: () => void;
}) {
  const form = useForm(
    { ...personValues(patient), ...medicalValues(patient) },
    { schema: PatientPatch, toBody: (v) => ({ ...personBody(v), ...medicalBody(v) }) },
  );
  const update = useUpdatePatient(patient.id);
  const saved = useSaveNote('Your medical profile was saved.');
  const submit = form.handleSubmit(async (body) => {
    saved.clear();
    const changed = await patchChanges(body, patient, update.mutateAsync);
    if (own) saved.show(changed);
    onDone?.(changed);
  });
  return (
    <FormFrame
      form={form}
      label={own ? undefined : 'Edit patient profile'}
      onSubmit={submit}
      submitLabel={own ? 'Save medical profile' : 'Save changes'}
      onCancel={onCancel}
      note={saved.note}
    >
      <PersonFields text={form.text} own={own} />
      <MedicalFields text={form.text} />
    </FormFrame>
  );
}
