import { useState } from 'react';
import { ResetTwoFactorControl } from '../../../lib/reset-two-factor.js';
import { firstSignInNote } from '../../../lib/account-fields.js';
import { formatDateTime } from '../../../lib/datetime.js';
import { ActivationControl } from '../../../lib/ui/activation-control.js';
import { Alert } from '../../../lib/ui/alert.js';
import { ActiveBadge, Badge } from '../../../lib/ui/badge.js';
import { Button } from '../../../lib/ui/button.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { useHospitalAdmins, useSetAdminActive } from '../api/use-hospital-admins.js';
import { AdminCreateForm } from './admin-create-form.js';
import { personName } from '../../../../contracts/people.js';

/** A hospital's administrators (for the super admin): list, add, deactivate. */
export function AdminsSection({ hospitalId }: { hospitalId: string }) {
  const admins = useHospitalAdmins(hospitalId);
  const setActive = useSetAdminActive(hospitalId);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  const add = () => {
    setCreated(null);
    setCreating(true);
  };

  return (
    <Section
      title="Administrators"
      description="They manage this hospital’s doctors and patients."
      actions={!creating && <Button onClick={add}>Add administrator</Button>}
    >
      {created && (
        <Alert tone="success" title="Administrator added">
          {created}
        </Alert>
      )}
      {creating && (
        <Card>
          <h3 className="mb-4 font-semibold">New administrator</h3>
          <AdminCreateForm
            hospitalId={hospitalId}
            onCancel={() => setCreating(false)}
            onCreated={(admin) => {
              setCreating(false);
              setCreated(`${personName(admin)} (${admin.email}) ${firstSignInNote(admin)}`);
            }}
          />
        </Card>
      )}
      {admins.isPending ? (
        <SkeletonRows rows={1} label="Loading administrators…" />
      ) : admins.isError ? (
        <QueryError error={admins.error} title="Could not load administrators" onRetry={() => void admins.refetch()} />
      ) : admins.data.items.length === 0 ? (
        <EmptyState title="No administrators yet" action={!creating && <Button variant="secondary" onClick={add}>Add the first administrator</Button>}>
          Until it has one, only you can manage this hospital.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
          {admins.data.items.map((admin) => (
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
        </ul>
      )}
    </Section>
  );
}
