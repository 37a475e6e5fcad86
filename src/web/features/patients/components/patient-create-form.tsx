import { PatientCreate, type Patient } from '../../../../contracts/patients.js';
import { emptyAccount } from '../../../entities/accounts/account-fields.js';
import { NewAccountForm } from '../../../entities/accounts/new-account-form.js';
import { MedicalFields, emptyMedical, medicalBody } from '../../../entities/patients/medical-fields.js';
import { optional, useForm } from '../../../lib/form.js';
import { useWelcomeLinks } from '../../../lib/use-mail-config.js';
import { useCreatePatient } from '../api/use-create-patient.js';

export function PatientCreateForm({
  hospitalId,
  onCreated,
  onCancel,
}: {
  hospitalId: string;
  onCreated: (patient: Patient) => void;
  onCancel: () => void;
}) {
  const welcomeLinks = useWelcomeLinks();
  const form = useForm(
    { ...emptyAccount, ...emptyMedical },
    {
      schema: PatientCreate,
      toBody: (v) => ({
        firstName: v.firstName,
        lastName: v.lastName,
        email: v.email,
        password: welcomeLinks ? undefined : v.password,
        phone: optional(v.phone),
        ...medicalBody(v),
      }),
    },
  );
  const create = useCreatePatient(hospitalId);
  return (
    <NewAccountForm form={form} noun="patient" create={create.mutateAsync} onCreated={onCreated} onCancel={onCancel}>
      <fieldset className="space-y-5 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Medical details (optional)</legend>
        <MedicalFields text={form.text} />
      </fieldset>
    </NewAccountForm>
  );
}
