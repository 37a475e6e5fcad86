import { HospitalAdminCreate } from '../../../../contracts/users.js';
import { AccountFields, emptyAccount } from '../../../lib/account-fields.js';
import { optional, useForm } from '../../../lib/form.js';
import { useMailConfig } from '../../../lib/use-mail-config.js';
import { Button } from '../../../lib/ui/button.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import type { HospitalAdmin } from '../../../../contracts/users.js';
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
  const form = useForm(emptyAccount);
  // Where mail is configured, the person chooses their own password from a welcome mail.
  const welcomeLinks = useMailConfig().data?.welcomeLinks ?? false;
  const create = useCreateAdmin(hospitalId);
  const submit = form.handleSubmit(async () => {
    const body = form.validate(HospitalAdminCreate, (v) => ({ ...v, password: welcomeLinks ? undefined : v.password, phone: optional(v.phone) }));
    if (!body) return;
    onCreated(await create.mutateAsync(body));
  });
  return (
    <form ref={form.formRef} aria-label="New administrator" noValidate onSubmit={submit} className="space-y-5">
      <FormAlert failure={form.failure} />
      <AccountFields text={form.text} setPassword={(p) => form.setValue('password', p)} who="the administrator" welcomeLinks={welcomeLinks} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={form.submitting}>
          Create administrator
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={form.submitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
