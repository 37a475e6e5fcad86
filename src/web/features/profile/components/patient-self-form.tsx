import { useState } from 'react';
import { PatientPatch, type Patient } from '../../../../contracts/patients.js';
import { changedFields, nullable, useForm } from '../../../lib/form.js';
import { MedicalFields, medicalBody, medicalValues } from '../../../entities/patients/medical-fields.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { useUpdatePatient } from '../../../entities/patients/patient-api.js';

/** A patient keeps their own contact details and medical profile up to date. */
export function PatientSelfForm({ patient }: { patient: Patient }) {
  const form = useForm({
    firstName: patient.firstName,
    lastName: patient.lastName,
    phone: patient.phone ?? '',
    ...medicalValues(patient),
  });
  const update = useUpdatePatient(patient.id);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = form.handleSubmit(async () => {
    setSaved(null);
    const body = form.validate(PatientPatch, (v) => ({
      firstName: v.firstName,
      lastName: v.lastName,
      phone: nullable(v.phone),
      ...medicalBody(v),
    }));
    if (!body) return;
    const changes = changedFields(body, patient);
    if (Object.keys(changes).length === 0) return setSaved('Nothing to save: no changes.');
    await update.mutateAsync(changes);
    setSaved('Your medical profile was saved.');
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
      <MedicalFields text={form.text} />
      <Button type="submit" pending={form.submitting}>
        Save medical profile
      </Button>
    </form>
  );
}
