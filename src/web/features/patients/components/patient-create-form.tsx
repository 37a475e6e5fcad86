import { PatientCreate, type Patient } from '../../../../contracts/patients.js';
import { AccountFields, emptyAccount } from '../../../entities/accounts/account-fields.js';
import { optional, useForm } from '../../../lib/form.js';
import { MedicalFields, emptyMedical, medicalBody } from '../../../entities/patients/medical-fields.js';
import { Button } from '../../../lib/ui/button.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';

export function PatientCreateForm({
  onCreated,
  onCancel,
  create,
}: {
  onCreated: (patient: Patient) => void;
  onCancel: () => void;
  create: (body: PatientCreate) => Promise<Patient>;
}) {
  const form = useForm({ ...emptyAccount, ...emptyMedical });
  const submit = form.handleSubmit(async () => {
    const body = form.validate(PatientCreate, (v) => ({
      firstName: v.firstName,
      lastName: v.lastName,
      email: v.email,
      password: v.password,
      phone: optional(v.phone),
      ...medicalBody(v),
    }));
    if (body) onCreated(await create(body));
  });
  return (
    <form ref={form.formRef} aria-label="New patient" noValidate onSubmit={submit} className="space-y-5">
      <FormAlert failure={form.failure} />
      <AccountFields text={form.text} setPassword={(p) => form.setValue('password', p)} who="the patient" />
      <fieldset className="space-y-5 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Medical details (optional)</legend>
        <MedicalFields text={form.text} />
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={form.submitting}>
          Create patient
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={form.submitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
