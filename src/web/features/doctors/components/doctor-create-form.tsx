import { DoctorCreate, type DoctorView } from '../../../../contracts/doctors.js';
import { emptyAccount } from '../../../entities/accounts/account-fields.js';
import { NewAccountForm } from '../../../entities/accounts/new-account-form.js';
import { integer, optional, useForm } from '../../../lib/form.js';
import { useWelcomeLinks } from '../../../lib/use-mail-config.js';
import { CheckboxField } from '../../../lib/ui/checkbox-field.js';
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
  const welcomeLinks = useWelcomeLinks();
  const form = useForm(empty, {
    schema: DoctorCreate,
    toBody: (v, addError) => ({
      ...v,
      password: welcomeLinks ? undefined : v.password,
      phone: optional(v.phone),
      bio: optional(v.bio),
      experienceYears: integer(v.experienceYears, 'experienceYears', addError),
    }),
  });
  const create = useCreateDoctor(hospitalId);
  return (
    <NewAccountForm form={form} noun="doctor" create={create.mutateAsync} onCreated={onCreated} onCancel={onCancel}>
      <DoctorProfileFields text={form.text} />
      <CheckboxField
        label="Available for appointments"
        hint="Patients can only book doctors who are available."
        {...form.checkbox('isAvailable')}
      />
    </NewAccountForm>
  );
}
