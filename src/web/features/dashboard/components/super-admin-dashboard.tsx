import { formatPaisa } from '../../../lib/money.js';
import { ActiveBadge } from '../../../lib/ui/badge.js';
import { ButtonLink } from '../../../lib/ui/button.js';
import { Section } from '../../../lib/ui/card.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { StatTile } from './stat-tile.js';
import { useQuery } from '@tanstack/react-query';
import { hospitalListQuery } from '../../../entities/hospitals/hospital-api.js';
import { RecordLink } from '../../../lib/ui/row-list.js';

export function SuperAdminDashboard() {
  const hospitals = useQuery(hospitalListQuery({ limit: 200, offset: 0 }));
  if (hospitals.isPending) return <SkeletonRows label="Loading hospitals…" />;
  if (hospitals.isError) {
    return <QueryError error={hospitals.error} title="Could not load hospitals" onRetry={() => void hospitals.refetch()} />;
  }
  const items = hospitals.data.items;
  const sum = (f: (h: (typeof items)[number]) => number) => items.reduce((n, h) => n + f(h), 0);
  return (
    <div className="space-y-8">
      <div className="grid grid-cols-3 gap-3 sm:gap-4">
        <StatTile label="Hospitals" value={hospitals.data.total} to="/hospitals" />
        <StatTile label="Doctors" value={sum((h) => h.doctorCount)} />
        <StatTile label="Patients" value={sum((h) => h.patientCount)} />
      </div>
      <Section
        title="Hospitals overview"
        actions={<ButtonLink to="/hospitals?new=1"><span aria-hidden="true">+</span> Add hospital</ButtonLink>}
      >
        {items.length === 0 ? (
          <EmptyState title="No hospitals yet" action={<ButtonLink to="/hospitals?new=1">Add the first hospital</ButtonLink>}>
            Start by adding a hospital. Then give it an administrator, who adds its doctors and patients.
          </EmptyState>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {items.map((h) => (
              <li key={h.id} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <div className="flex items-start justify-between gap-2">
                  <RecordLink to={`/hospitals/${h.id}`} className="font-semibold">
                    {h.name}
                  </RecordLink>
                  <ActiveBadge active={h.isActive} />
                </div>
                <dl className="grid grid-cols-3 gap-2 text-sm">
                  <div>
                    <dt className="text-slate-700">Doctors</dt>
                    <dd className="text-lg font-semibold">{h.doctorCount}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-700">Patients</dt>
                    <dd className="text-lg font-semibold">{h.patientCount}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-700">Fee</dt>
                    <dd className="font-semibold">{formatPaisa(h.appointmentFee)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
