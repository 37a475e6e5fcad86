import { ButtonLink } from '../../../lib/ui/button.js';
import { Section } from '../../../lib/ui/card.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { AppointmentRows } from './appointment-rows.js';
import { useQuery } from '@tanstack/react-query';
import { upcomingQuery } from '../api/dashboard-first.js';

/** The patient's next visits, soonest first. */
export function PatientUpcoming() {
  const upcoming = useQuery({
    ...upcomingQuery(),
    refetchInterval: 30_000,
  });
  return (
    <Section
      title="Upcoming appointments"
      actions={
        <>
          <ButtonLink to="/find-doctor" size="sm">
            Book a visit
          </ButtonLink>
          <ButtonLink to="/appointments" variant="secondary" size="sm">
            All appointments
          </ButtonLink>
        </>
      }
    >
      {upcoming.isPending ? (
        <SkeletonRows rows={2} label="Loading your appointments…" />
      ) : upcoming.isError ? (
        <QueryError error={upcoming.error} title="Could not load your appointments" onRetry={() => void upcoming.refetch()} />
      ) : upcoming.data.items.length === 0 ? (
        <EmptyState title="No appointments yet" action={<ButtonLink to="/find-doctor">Find a doctor</ButtonLink>}>
          Find a doctor, pick a free time and request a visit. It will be listed here with its status.
        </EmptyState>
      ) : (
        <AppointmentRows appointments={upcoming.data.items} show="doctor" />
      )}
    </Section>
  );
}
