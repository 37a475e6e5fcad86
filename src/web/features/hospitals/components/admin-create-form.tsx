import { HospitalAdminCreate, type HospitalAdmin } from '../../../../contracts/users.js';
import { AccountFields, emptyAccount } from '../../../entities/accounts/account-fields.js';
import { optional, useForm } from '../../../lib/form.js';
import { FormFrame } from '../../../lib/ui/form-frame.js';
import { useCreateAdmin } from '../api/use-hospital-admins.js';

export function AdminCreateForm({
  hospitalId,
  onCreated,
  onCancel,
}: {
  hospitalId: string;
  onCreated: (admin: HospitalAdmin) => void;
  onCancel: () => void;
}) {
  const form = useForm(emptyAccount, { schema: HospitalAdminCreate, toBody: (v) => ({ ...v, phone: optional(v.phone) }) });
  const create = useCreateAdmin(hospitalId);
  return (
    <FormFrame
      form={form}
      label="New administrator"
      onSubmit={form.handleSubmit(async (body) => onCreated(await create.mutateAsync(body)))}
      submitLabel="Create administrator"
      onCancel={onCancel}
    >
      <AccountFields text={form.text} setPassword={(p) => form.setValue('password', p)} who="the administrator" />
    </FormFrame>
  );
}
