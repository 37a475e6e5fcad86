import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { Hospital } from '../../../../contracts/hospitals.js';
import { ApiError } from '../../../lib/api-client.js';
import { useMe } from '../../../lib/session.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { ActivationControl } from '../../../lib/ui/activation-control.js';
import { Alert } from '../../../lib/ui/alert.js';
import { ActiveBadge } from '../../../lib/ui/badge.js';
import { ButtonLink } from '../../../lib/ui/button.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { PageHeader } from '../../../lib/ui/page-header.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { Loading } from '../../../lib/ui/spinner.js';
import { useUpdateHospital } from '../api/use-hospital.js';
import { AdminsSection } from './admins-section.js';
import { HospitalOverview } from './hospital-overview.js';
import { useQuery } from '@tanstack/react-query';
import { hospitalQuery } from '../../../entities/hospitals/hospital-api.js';

/**
 * One hospital: details, status and (for the super admin) its administrators. `sections`
 * adds what other features show about it (its doctors and patients).
 */
export function HospitalDetail({
  hospitalId,
  sections,
}: {
  hospitalId: string;
  sections?: (hospital: Hospital) => ReactNode;
}) {
  const me = useMe();
  const location = useLocation();
  const hospital = useQuery(hospitalQuery(hospitalId));
  const update = useUpdateHospital(hospitalId);
  useDocumentTitle(hospital.data?.name ?? 'Hospital');
  const isSuper = me.role === 'super_admin';
  const back = isSuper ? { to: '/hospitals', label: 'All hospitals' } : { to: '/', label: 'Dashboard' };

  if (hospital.isPending) return <Loading label="Loading hospital…" />;
  if (hospital.isError) {
    if (hospital.error instanceof ApiError && hospital.error.status === 404) {
      return (
        <>
          <PageHeader title="Hospital not found" back={back} />
          <EmptyState title="This hospital does not exist or you cannot see it" action={<ButtonLink to={back.to}>{back.label}</ButtonLink>} />
        </>
      );
    }
    return (
      <>
        <PageHeader title="Hospital" back={back} />
        <QueryError error={hospital.error} title="Could not load the hospital" onRetry={() => void hospital.refetch()} />
      </>
    );
  }

  const h = hospital.data;
  const justCreated = (location.state as { created?: boolean } | null)?.created;
  return (
    <>
      <PageHeader
        title={h.name}
        back={back}
        badge={<ActiveBadge active={h.isActive} />}
        description={h.address}
        actions={
          isSuper && (
            <ActivationControl
              active={h.isActive}
              what="hospital"
              name={h.name}
              consequence="Its staff and patients will not be able to sign in, and it disappears from the sign-up list, until it is reactivated."
              onChange={(isActive) => update.mutateAsync({ isActive })}
            />
          )
        }
      />
      <div className="space-y-10">
        {justCreated && (
          <Alert tone="success" title="Hospital created">
            Next, add an administrator who will manage its doctors and patients.
          </Alert>
        )}
        {!h.isActive && (
          <Alert tone="warning" title="This hospital is inactive">
            Its staff and patients cannot sign in, and patients cannot choose it at sign-up.
          </Alert>
        )}
        <HospitalOverview hospital={h} />
        {isSuper && <AdminsSection hospitalId={h.id} />}
        {sections?.(h)}
      </div>
    </>
  );
}
