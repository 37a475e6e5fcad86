import { PatientPatch, type Patient } from '../../../../contracts/patients.js';
import { changedFields, nullable, useForm } from '../../../lib/form.js';
import { MedicalFields, medicalBody, medicalValues } from '../../../entities/patients/medical-fields.js';
import { Button } from '../../../lib/ui/button.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { useUpdatePatient } from '../../../entities/patients/patient-api.js';

export function PatientEditForm({
  patient,
  onDone,
  onCancel,
}: {
  patient: Patient;
  onDone: (changed: boolean) => void;
  onCancel: () => void;
}) {
  const form = useForm({
    firstName: patient.firstName,
    lastName: patient.lastName,
    phone: patient.phone ?? '',
    ...medicalValues(patient),
  });
  const update = useUpdatePatient(patient.id);
  const submit = form.handleSubmit(async () => {
    const body = form.validate(PatientPatch, (v) => ({
      firstName: v.firstName,
      lastName: v.lastName,
      phone: nullable(v.phone),
      ...medicalBody(v),
    }));
    if (!body) return;
    const changes = changedFields(body, patient);
    if (Object.keys(changes).length > 0) await update.mutateAsync(changes);
    onDone(Object.keys(changes).length > 0);
  });
  return (
    <form ref={form.formRef} aria-label="Edit patient profile" noValidate onSubmit={submit} className="space-y-5">
      <FormAlert failure={form.failure} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="First name" required {...form.text('firstName')} />
        <TextField label="Last name" required {...form.text('lastName')} />
      </div>
      <TextField label="Phone" type="tel" inputMode="tel" optional fieldClassName="sm:max-w-sm" {...form.text('phone')} />
      <MedicalFields text={form.text} />
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
