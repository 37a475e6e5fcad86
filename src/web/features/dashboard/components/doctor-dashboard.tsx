import { isFullDoctor } from '../../../../contracts/doctors.js';
import { errorMessage } from '../../../lib/api-client.js';
import { todayIsoDate } from '../../../lib/datetime.js';
import { Alert } from '../../../lib/ui/alert.js';
import { ButtonLink } from '../../../lib/ui/button.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { DetailList } from '../../../lib/ui/detail-list.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { Switch } from '../../../lib/ui/switch.js';
import { bookability, hasHours, type Bookability } from '../utils/bookable.js';
import { DoctorAgenda } from './doctor-agenda.js';
import { useQuery } from '@tanstack/react-query';
import { availabilityQuery } from '../../../entities/availability/availability-api.js';
import { doctorQuery, useUpdateDoctor } from '../../../entities/doctors/doctor-api.js';

/** What the availability switch says: the real state, never a claim the hours do not back. */
const DESCRIPTIONS: Record<Bookability | 'checking', string> = {
  bookable: 'Patients can book visits with you.',
  'no-hours': 'Patients cannot book you yet: you have no hours set.',
  'not-taking': 'Patients cannot book you right now.',
  checking: 'Checking your hours…',
};

export function DoctorDashboard({ doctorId, hospitalName }: { doctorId: string; hospitalName: string | null }) {
  const doctor = useQuery(doctorQuery(doctorId));
  const hours = useQuery(availabilityQuery(doctorId));
  const availability = useUpdateDoctor(doctorId);
  if (doctor.isPending) return <SkeletonRows label="Loading your profile…" />;
  if (doctor.isError) {
    return <QueryError error={doctor.error} title="Could not load your profile" onRetry={() => void doctor.refetch()} />;
  }
  const d = doctor.data;
  // Until the hours are known, nothing is claimed about them.
  const hoursSet = hours.data ? hasHours(hours.data, todayIsoDate()) : null;
  const state = hours.data ? bookability(d.isAvailable, hours.data, todayIsoDate()) : d.isAvailable ? 'checking' : 'not-taking';
  return (
    <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
      <DoctorAgenda hasHours={hoursSet} />
      <div className="space-y-8">
        <Section title="Availability" actions={<ButtonLink to="/availability" variant="secondary" size="sm">Edit hours</ButtonLink>}>
          <Card className="space-y-3">
            <Switch
              label="Available for appointments"
              description={DESCRIPTIONS[state]}
              checked={d.isAvailable}
              pending={availability.isPending}
              onChange={(isAvailable) => availability.mutate({ isAvailable })}
            />
            {hoursSet === false && (
              <ButtonLink to="/availability" size="sm">
                Set your weekly hours
              </ButtonLink>
            )}
            {hours.isError && <Alert tone="error">Could not check your hours: {errorMessage(hours.error)}</Alert>}
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
                ...(isFullDoctor(d) ? [{ label: 'Licence number', value: d.licenseNumber }] : []),
                { label: 'Hospital', value: hospitalName ?? '—' },
              ]}
            />
          </Card>
        </Section>
      </div>
    </div>
  );
}
