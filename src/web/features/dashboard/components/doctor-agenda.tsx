import { describeZone, viewerTimeZone } from '../../../lib/datetime.js';
import { ButtonLink } from '../../../lib/ui/button.js';
import { Section } from '../../../lib/ui/card.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { AppointmentRows } from './appointment-rows.js';
import { useQuery } from '@tanstack/react-query';
import { doctorDayQuery, doctorRequestsQuery, viewerDay } from '../api/dashboard-first.js';

/**
 * The doctor's day: requests to answer first, then today's visits. `hasHours` (null while not
 * known) decides whether an empty day suggests setting hours.
 */
export function DoctorAgenda({ hasHours }: { hasHours: boolean | null }) {
  const requests = useQuery({ ...doctorRequestsQuery(), refetchInterval: 30_000 });
  const schedule = useQuery({ ...doctorDayQuery(viewerDay()), refetchInterval: 30_000 });
  return (
    <div className="space-y-8">
      <Section
        title="Requests waiting for you"
        description={requests.data ? `${requests.data.total} waiting for an answer` : undefined}
        actions={
          requests.data && requests.data.total > requests.data.items.length && (
            <ButtonLink to="/appointments?status=requested" variant="secondary" size="sm">
              See all {requests.data.total}
            </ButtonLink>
          )
        }
      >
        {requests.isPending ? (
          <SkeletonRows rows={2} label="Loading requests…" />
        ) : requests.isError ? (
          <QueryError error={requests.error} title="Could not load requests" onRetry={() => void requests.refetch()} />
        ) : requests.data.items.length === 0 ? (
          <EmptyState title="No requests waiting">New requests from patients appear here for you to approve, reschedule or reject.</EmptyState>
        ) : (
          <AppointmentRows appointments={requests.data.items} show="patient" />
        )}
      </Section>
      <Section
        title="Today’s schedule"
        description={`Times in your time zone, ${describeZone(viewerTimeZone())}.`}
        actions={
          <ButtonLink to="/appointments" variant="secondary" size="sm">
            All appointments
          </ButtonLink>
        }
      >
        {schedule.isPending ? (
          <SkeletonRows rows={3} label="Loading today’s schedule…" />
        ) : schedule.isError ? (
          <QueryError error={schedule.error} title="Could not load today’s schedule" onRetry={() => void schedule.refetch()} />
        ) : schedule.data.items.length === 0 ? (
          <EmptyState
            title="Nothing scheduled today"
            action={hasHours === false && <ButtonLink to="/availability" variant="secondary" size="sm">Set your availability</ButtonLink>}
          >
            {hasHours === false ? 'Patients can book you once you set your weekly hours. ' : ''}Visits booked for today appear here in time order.
          </EmptyState>
        ) : (
          <AppointmentRows appointments={schedule.data.items} show="patient" timeOnly />
        )}
      </Section>
    </div>
  );
}
