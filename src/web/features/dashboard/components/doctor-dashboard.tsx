import { errorMessage } from '../../../lib/api-client.js';
import { Alert } from '../../../lib/ui/alert.js';
import { ButtonLink } from '../../../lib/ui/button.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { DetailList } from '../../../lib/ui/detail-list.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { Switch } from '../../../lib/ui/switch.js';
import { useOwnDoctor, useSetAvailability } from '../api/use-dashboard-data.js';
import { DoctorAgenda } from './doctor-agenda.js';

export function DoctorDashboard({ doctorId, hospitalName }: { doctorId: string; hospitalName: string | null }) {
  const doctor = useOwnDoctor(doctorId);
  const availability = useSetAvailability(doctorId);
  if (doctor.isPending) return <SkeletonRows label="Loading your profile…" />;
  if (doctor.isError) {
    return <QueryError error={doctor.error} title="Could not load your profile" onRetry={() => void doctor.refetch()} />;
  }
  const d = doctor.data;
  return (
    <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
      <DoctorAgenda />
      <div className="space-y-8">
        <Section title="Availability" actions={<ButtonLink to="/availability" variant="secondary" size="sm">Edit hours</ButtonLink>}>
          <Card className="space-y-3">
            <Switch
              label="Available for appointments"
              description={d.isAvailable ? 'Patients can book visits with you.' : 'Patients cannot book you right now.'}
              checked={d.isAvailable}
              pending={availability.isPending}
              onChange={(next) => availability.mutate(next)}
            />
            {availability.isError && <Alert tone="error">{errorMessage(availability.error)}</Alert>}
          </Card>
        </Section>
        <Section title="Your profile" actions={<ButtonLink to="/profile" variant="secondary" size="sm">Edit profile</ButtonLink>}>
          <Card className="flex flex-col gap-4">
            {d.pictureUrl && (
              <img src={d.pictureUrl} alt="Your profile picture" className="size-20 rounded-full object-cover ring-1 ring-slate-200" />
            )}
            <DetailList
              items={[
                { label: 'Specialization', value: d.specialization },
                { label: 'Experience', value: `${d.experienceYears} ${d.experienceYears === 1 ? 'year' : 'years'}` },
                { label: 'Licence number', value: d.licenseNumber },
                { label: 'Hospital', value: hospitalName ?? '—' },
              ]}
            />
          </Card>
        </Section>
      </div>
    </div>
  );
}
