import { hospitalDetails } from '../../../entities/hospitals/hospital-details.js';
import { ActiveBadge } from '../../../lib/ui/badge.js';
import { ButtonLink } from '../../../lib/ui/button.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { DetailList } from '../../../lib/ui/detail-list.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { StatTile } from './stat-tile.js';
import { useQuery } from '@tanstack/react-query';
import { hospitalQuery } from '../../../entities/hospitals/hospital-api.js';

export function HospitalAdminDashboard({ hospitalId }: { hospitalId: string }) {
  const hospital = useQuery(hospitalQuery(hospitalId));
  if (hospital.isPending) return <SkeletonRows label="Loading your hospital…" />;
  if (hospital.isError) {
    return <QueryError error={hospital.error} title="Could not load your hospital" onRetry={() => void hospital.refetch()} />;
  }
  const h = hospital.data;
  return (
    <div className="space-y-8">
      <div className="grid grid-cols-2 gap-3 sm:gap-4">
        <StatTile label="Doctors" value={h.doctorCount} to="/doctors" />
        <StatTile label="Patients" value={h.patientCount} to="/patients" />
      </div>
      <Section title="Quick links">
        <div className="flex flex-wrap gap-3">
          <ButtonLink to="/doctors">Manage doctors</ButtonLink>
          <ButtonLink to="/patients">Manage patients</ButtonLink>
          <ButtonLink to={`/hospitals/${h.id}`} variant="secondary">Hospital details</ButtonLink>
          <ButtonLink to="/audit" variant="secondary">Audit log</ButtonLink>
        </div>
      </Section>
      <Section title="Your hospital">
        <Card className="space-y-4">
          <div className="flex flex-wrap items-center gap-2">
            <p className="text-lg font-semibold">{h.name}</p>
            <ActiveBadge active={h.isActive} />
          </div>
          <DetailList items={hospitalDetails(h)} />
        </Card>
      </Section>
    </div>
  );
}
