import { DoctorPatch, type Doctor } from '../../../../contracts/doctors.js';
import { changedFields, integer, nullable, useForm } from '../../../lib/form.js';
import { Button } from '../../../lib/ui/button.js';
import { CheckboxField } from '../../../lib/ui/checkbox-field.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { useUpdateDoctor } from '../../../entities/doctors/doctor-api.js';
import { DoctorProfileFields } from './doctor-profile-fields.js';

/** An admin edits everything about a doctor except the email and password. */
export function DoctorEditForm({
  doctor,
  onDone,
  onCancel,
}: {
  doctor: Doctor;
  onDone: (changed: boolean) => void;
  onCancel: () => void;
}) {
  const form = useForm({
    firstName: doctor.firstName,
    lastName: doctor.lastName,
    phone: doctor.phone ?? '',
    licenseNumber: doctor.licenseNumber,
    specialization: doctor.specialization,
    experienceYears: String(doctor.experienceYears),
    bio: doctor.bio,
    isAvailable: doctor.isAvailable as boolean,
  });
  const update = useUpdateDoctor(doctor.id);
  const submit = form.handleSubmit(async () => {
    const body = form.validate(DoctorPatch, (v, addError) => ({
      ...v,
      phone: nullable(v.phone),
      bio: v.bio.trim(),
      experienceYears: integer(v.experienceYears, 'experienceYears', addError, true),
    }));
    if (!body) return;
    const changes = changedFields(body, doctor);
    if (Object.keys(changes).length > 0) await update.mutateAsync(changes);
    onDone(Object.keys(changes).length > 0);
  });
  return (
    <form ref={form.formRef} aria-label="Edit doctor profile" noValidate onSubmit={submit} className="space-y-5">
      <FormAlert failure={form.failure} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="First name" required {...form.text('firstName')} />
        <TextField label="Last name" required {...form.text('lastName')} />
      </div>
      <TextField label="Phone" type="tel" inputMode="tel" optional fieldClassName="sm:max-w-sm" {...form.text('phone')} />
      <DoctorProfileFields text={form.text} />
      <CheckboxField label="Available for appointments" {...form.checkbox('isAvailable')} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={form.submitting}>
          Save changes
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={form.submitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
