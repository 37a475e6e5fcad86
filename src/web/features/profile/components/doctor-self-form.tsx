import { useState } from 'react';
import { DoctorPatch, type Doctor } from '../../../../contracts/doctors.js';
import { changedFields, nullable, useForm } from '../../../lib/form.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { CheckboxField } from '../../../lib/ui/checkbox-field.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import { TextAreaField } from '../../../lib/ui/textarea-field.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { useUpdateDoctor } from '../../../entities/doctors/doctor-api.js';

/** What a doctor may change about themselves: name, phone, bio and availability. */
export function DoctorSelfForm({ doctor }: { doctor: Doctor }) {
  const form = useForm({
    firstName: doctor.firstName,
    lastName: doctor.lastName,
    phone: doctor.phone ?? '',
    bio: doctor.bio,
    isAvailable: doctor.isAvailable as boolean,
  });
  const update = useUpdateDoctor(doctor.id);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = form.handleSubmit(async () => {
    setSaved(null);
    const body = form.validate(DoctorPatch, (v) => ({ ...v, phone: nullable(v.phone), bio: v.bio.trim() }));
    if (!body) return;
    const changes = changedFields(body, doctor);
    if (Object.keys(changes).length === 0) return setSaved('Nothing to save: no changes.');
    await update.mutateAsync(changes);
    setSaved('Your profile was saved.');
  });
  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="space-y-5">
      <FormAlert failure={form.failure} />
      {saved && <Alert tone="success">{saved}</Alert>}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="First name" autoComplete="given-name" required {...form.text('firstName')} />
        <TextField label="Last name" autoComplete="family-name" required {...form.text('lastName')} />
      </div>
      <TextField label="Phone" type="tel" inputMode="tel" autoComplete="tel" optional fieldClassName="sm:max-w-sm" {...form.text('phone')} />
      <TextAreaField label="Bio" hint="Patients see this when choosing a doctor." rows={5} optional {...form.text('bio')} />
      <CheckboxField
        label="Available for appointments"
        hint="Turn this off while you are away; patients cannot book you then."
        {...form.checkbox('isAvailable')}
      />
      <Button type="submit" pending={form.submitting}>
        Save profile
      </Button>
    </form>
  );
}
