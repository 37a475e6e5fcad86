import { DoctorPatch, type Doctor } from '../../../../contracts/doctors.js';
import { PersonFields, personBody, personValues } from '../../../entities/accounts/person-fields.js';
import { useUpdateDoctor } from '../../../entities/doctors/doctor-api.js';
import { integer, patchChanges, useForm } from '../../../lib/form.js';
import { CheckboxField } from '../../../lib/ui/checkbox-field.js';
import { FormFrame, useSaveNote } from '../../../lib/ui/form-frame.js';
import { TextAreaField } from '../../../lib/ui/textarea-field.js';
import { DoctorProfileFields } from './doctor-profile-fields.js';

/**
 * A doctor's record. An admin edits everything but the email and password; the doctor (`own`)
 * their names, phone, bio and availability, since the licence and specialization are the
 * hospital's to set. Only what changed is sent.
 */
export function DoctorEditForm({
  doctor,
  own = false,
  onDone,
  onCancel,
}: {
  doctor: Doctor;
  own?: boolean;
  onDone?: (changed: boolean) => void;
  onCancel?: () => void;
}) {
  const form = useForm(
    {
      ...personValues(doctor),
      licenseNumber: doctor.licenseNumber,
      specialization: doctor.specialization,
      experienceYears: String(doctor.experienceYears),
      bio: doctor.bio,
      isAvailable: doctor.isAvailable as boolean,
    },
    {
      schema: DoctorPatch,
      toBody: ({ licenseNumber, specialization, experienceYears, ...v }, addError) => ({
        ...personBody(v),
        bio: v.bio.trim(),
        isAvailable: v.isAvailable,
        ...(own ? {} : { licenseNumber, specialization, experienceYears: integer(experienceYears, 'experienceYears', addError, true) }),
      }),
    },
  );
  const update = useUpdateDoctor(doctor.id);
  const saved = useSaveNote('Your profile was saved.');
  const submit = form.handleSubmit(async (body) => {
    saved.clear();
    const changed = await patchChanges(body, doctor, update.mutateAsync);
    if (own) saved.show(changed);
    onDone?.(changed);
  });
  return (
    <FormFrame
      form={form}
      label={own ? undefined : 'Edit doctor profile'}
      onSubmit={submit}
      submitLabel={own ? 'Save profile' : 'Save changes'}
      onCancel={onCancel}
      note={saved.note}
    >
      <PersonFields text={form.text} own={own} />
      {own ? (
        <TextAreaField label="Bio" hint="Patients see this when choosing a doctor." rows={5} optional {...form.text('bio')} />
      ) : (
        <DoctorProfileFields text={form.text} />
      )}
      <CheckboxField
        label="Available for appointments"
        hint={own ? 'Turn this off while you are away; patients cannot book you then.' : undefined}
        {...form.checkbox('isAvailable')}
      />
    </FormFrame>
  );
}
