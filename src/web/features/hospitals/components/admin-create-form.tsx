import { HospitalAdminCreate, type HospitalAdmin } from '../../../../contracts/users.js';
import { emptyAccount } from '../../../entities/accounts/account-fields.js';
import { NewAccountForm } from '../../../entities/accounts/new-account-form.js';
import { optional, useForm } from '../../../lib/form.js';
import { useWelcomeLinks } from '../../../lib/use-mail-config.js';
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
  const welcomeLinks = useWelcomeLinks();
  const form = useForm(emptyAccount, { schema: HospitalAdminCreate, toBody: (v) => ({ ...v, password: welcomeLinks ? undefined : v.password, phone: optional(v.phone) }) });
  const create = useCreateAdmin(hospitalId);
  return <NewAccountForm form={form} noun="administrator" create={create.mutateAsync} onCreated={onCreated} onCancel={onCancel} />;
}
