import { DoctorCreate, type DoctorView } from '../../../../contracts/doctors.js';
import { AccountFields, emptyAccount } from '../../../entities/accounts/account-fields.js';
import { integer, optional, useForm } from '../../../lib/form.js';
import { Button } from '../../../lib/ui/button.js';
import { CheckboxField } from '../../../lib/ui/checkbox-field.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
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
  const form = useForm(empty);
  const create = useCreateDoctor(hospitalId);
  const submit = form.handleSubmit(async () => {
    const body = form.validate(DoctorCreate, (v, addError) => ({
      ...v,
      phone: optional(v.phone),
      bio: optional(v.bio),
      experienceYears: integer(v.experienceYears, 'experienceYears', addError),
    }));
    if (body) onCreated(await create.mutateAsync(body));
  });
  return (
    <form ref={form.formRef} aria-label="New doctor" noValidate onSubmit={submit} className="space-y-5">
      <FormAlert failure={form.failure} />
      <AccountFields text={form.text} setPassword={(p) => form.setValue('password', p)} who="the doctor" />
      <DoctorProfileFields text={form.text} />
      <CheckboxField
        label="Available for appointments"
        hint="Patients can only book doctors who are available."
        {...form.checkbox('isAvailable')}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={form.submitting}>
          Create doctor
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={form.submitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
