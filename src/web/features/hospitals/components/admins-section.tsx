import { ResetTwoFactorControl } from '../../../entities/accounts/reset-two-factor.js';
import { formatDateTime } from '../../../lib/datetime.js';
import { ActivationControl } from '../../../lib/ui/activation-control.js';
import { ActiveBadge, Badge } from '../../../lib/ui/badge.js';
import { Button } from '../../../lib/ui/button.js';
import { Section } from '../../../lib/ui/card.js';
import { CreateCard, useCreateFlow } from '../../../lib/ui/create-flow.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { QueryList } from '../../../lib/ui/query-state.js';
import { useHospitalAdmins, useSetAdminActive } from '../api/use-hospital-admins.js';
import { AdminCreateForm } from './admin-create-form.js';
import { personName } from '../../../../contracts/people.js';
import type { HospitalAdmin } from '../../../../contracts/users.js';
import { AccountCreated } from '../../../entities/accounts/account-created.js';
import { RowList } from '../../../lib/ui/row-list.js';

/** A hospital's administrators (for the super admin): list, add, deactivate. */
export function AdminsSection({ hospitalId }: { hospitalId: string }) {
  const admins = useHospitalAdmins(hospitalId);
  const setActive = useSetAdminActive(hospitalId);
  const flow = useCreateFlow<HospitalAdmin>();

  const empty = (
    <EmptyState title="No administrators yet" action={!flow.creating && <Button variant="secondary" onClick={flow.open}>Add the first administrator</Button>}>
      Until it has one, only you can manage this hospital.
    </EmptyState>
  );

  return (
    <Section
      title="Administrators"
      description="They manage this hospital’s doctors and patients."
      actions={!flow.creating && <Button onClick={flow.open}>Add administrator</Button>}
    >
      {flow.created && <AccountCreated title="Administrator added" who={`${personName(flow.created)} (${flow.created.email})`} account={flow.created} />}
      {flow.creating && (
        <CreateCard title="New administrator">
          <AdminCreateForm hospitalId={hospitalId} onCancel={flow.cancel} onCreated={flow.done} />
        </CreateCard>
      )}
      <QueryList query={admins} noun="administrators" rows={1} empty={empty}>
        {(items) => (
          <RowList>
            {items.map((admin) => (
              <li key={admin.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold">{personName(admin)}</span>
                    <ActiveBadge active={admin.isActive} />
                    {admin.mustChangePassword && <Badge tone="amber">Temporary password</Badge>}
                    {admin.twoFactorEnabled && <Badge tone="green">Two-factor on</Badge>}
                  </div>
                  <p className="truncate text-sm text-slate-700">
                    {admin.email}
                    {admin.phone ? ` · ${admin.phone}` : ''}
                  </p>
                  <p className="text-sm text-slate-700">
                    Last sign-in: {admin.lastLoginAt ? formatDateTime(admin.lastLoginAt) : 'never'}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <ResetTwoFactorControl userId={admin.id} name={personName(admin)} enabled={admin.twoFactorEnabled} />
                  <ActivationControl
                    active={admin.isActive}
                    what="administrator"
                    name={personName(admin)}
                    consequence={`${personName(admin)} will be signed out and unable to sign in until reactivated.`}
                    onChange={(isActive) => setActive.mutateAsync({ adminId: admin.id, isActive })}
                  />
                </div>
              </li>
            ))}
          </RowList>
        )}
      </QueryList>
    </Section>
  );
}
