import { PatientCreate, type Patient } from '../../../../contracts/patients.js';
import { AccountFields, emptyAccount } from '../../../entities/accounts/account-fields.js';
import { MedicalFields, emptyMedical, medicalBody } from '../../../entities/patients/medical-fields.js';
import { optional, useForm } from '../../../lib/form.js';
import { FormFrame } from '../../../lib/ui/form-frame.js';
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
  const form = useForm(
    { ...emptyAccount, ...emptyMedical },
    {
      schema: PatientCreate,
      toBody: (v) => ({
        firstName: v.firstName,
        lastName: v.lastName,
        email: v.email,
        password: v.password,
        phone: optional(v.phone),
        ...medicalBody(v),
      }),
    },
  );
  const create = useCreatePatient(hospitalId);
  return (
    <FormFrame
      form={form}
      label="New patient"
      onSubmit={form.handleSubmit(async (body) => onCreated(await create.mutateAsync(body)))}
      submitLabel="Create patient"
      onCancel={onCancel}
    >
      <AccountFields text={form.text} setPassword={(p) => form.setValue('password', p)} who="the patient" />
      <fieldset className="space-y-5 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Medical details (optional)</legend>
        <MedicalFields text={form.text} />
      </fieldset>
    </FormFrame>
  );
}
