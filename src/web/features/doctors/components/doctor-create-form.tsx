import { DoctorCreate, type DoctorView } from '../../../../contracts/doctors.js';
import { AccountFields, emptyAccount } from '../../../entities/accounts/account-fields.js';
import { integer, optional, useForm } from '../../../lib/form.js';
import { CheckboxField } from '../../../lib/ui/checkbox-field.js';
import { FormFrame } from '../../../lib/ui/form-frame.js';
import { useCreateDoctor } from '../api/use-create-doctor.js';
import { DoctorProfileFields } from './doctor-profile-fields.js';

const empty = {
  ...emptyAccount,
  licenseNumber: '',
  specialization: '',
  experienceYears: '',
  bio: '',
  isAvailable: true as boolean,
};

export function DoctorCreateForm({
  hospitalId,
  onCreated,
  onCancel,
}: {
  hospitalId: string;
  onCreated: (doctor: DoctorView) => void;
  onCancel: () => void;
}) {
  const form = useForm(empty, {
    schema: DoctorCreate,
    toBody: (v, addError) => ({
      ...v,
      phone: optional(v.phone),
      bio: optional(v.bio),
      experienceYears: integer(v.experienceYears, 'experienceYears', addError),
    }),
  });
  const create = useCreateDoctor(hospitalId);
  return (
    <FormFrame
      form={form}
      label="New doctor"
      onSubmit={form.handleSubmit(async (body) => onCreated(await create.mutateAsync(body)))}
      submitLabel="Create doctor"
      onCancel={onCancel}
    >
      <AccountFields text={form.text} setPassword={(p) => form.setValue('password', p)} who="the doctor" />
      <DoctorProfileFields text={form.text} />
      <CheckboxField
        label="Available for appointments"
        hint="Patients can only book doctors who are available."
        {...form.checkbox('isAvailable')}
      />
    </FormFrame>
  );
}
