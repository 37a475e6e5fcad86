import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { flash } from '../../lib/flash.js';
import { safeNext, useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { Alert } from '../../lib/ui/alert.js';
import { Card } from '../../lib/ui/card.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { QueryError } from '../../lib/ui/query-error.js';
import { SkeletonRows } from '../../lib/ui/spinner.js';
import { useTwoFactorStatus } from '../../features/auth/api/use-two-factor.js';
import { RecoveryCodesView } from '../../features/auth/components/recovery-codes.js';
import { TwoFactorManage } from '../../features/auth/components/two-factor-manage.js';
import { TwoFactorSetupFlow } from '../../features/auth/components/two-factor-setup.js';

/** Two-factor sign-in: set it up (first thing, where the person's role requires it), or manage it. */
export function TwoFactorPage() {
  useDocumentTitle('Two-factor sign-in');
  const me = useMe();
  const status = useTwoFactorStatus();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const forced = me.twoFactorSetupRequired;
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <div className="max-w-2xl">
      <PageHeader title="Two-factor sign-in" back={forced || codes ? undefined : { to: '/profile', label: 'My profile' }} />
      {forced && !codes && (
        <Alert tone="warning" title="Set up two-factor sign-in to continue" className="mb-6">
          Your account can see many people’s records, so it must be protected by more than a password. It takes a minute.
        </Alert>
      )}
      <Card>
        {codes ? (
          <RecoveryCodesView
            codes={codes}
            doneLabel="I have saved them: continue"
            onDone={() => {
              flash('Two-factor sign-in is on.');
              void navigate(safeNext(params.get('next'), '/profile'), { replace: true });
            }}
          />
        ) : status.isPending ? (
          <SkeletonRows rows={3} label="Loading…" />
        ) : status.isError ? (
          <QueryError error={status.error} title="Could not load your two-factor sign-in" onRetry={() => void status.refetch()} />
        ) : status.data.enabled ? (
          <TwoFactorManage status={status.data} />
        ) : (
          <TwoFactorSetupFlow onEnabled={setCodes} />
        )}
      </Card>
    </div>
  );
}
