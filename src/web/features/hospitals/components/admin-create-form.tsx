import { HospitalAdminCreate } from '../../../../contracts/users.js';
import { AccountFields, emptyAccount } from '../../../entities/accounts/account-fields.js';
import { optional, useForm } from '../../../lib/form.js';
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
  const create = useCreateAdmin(hospitalId);
  const submit = form.handleSubmit(async () => {
    const body = form.validate(HospitalAdminCreate, (v) => ({ ...v, phone: optional(v.phone) }));
    if (!body) return;
    onCreated(await create.mutateAsync(body));
  });
  return (
    <form ref={form.formRef} aria-label="New administrator" noValidate onSubmit={submit} className="space-y-5">
      <FormAlert failure={form.failure} />
      <AccountFields text={form.text} setPassword={(p) => form.setValue('password', p)} who="the administrator" />
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
