import { Section } from '../../../lib/ui/card.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';

/** The upcoming-appointments area until there are appointments to list. */
export function AppointmentsEmpty({ forRole }: { forRole: 'doctor' | 'patient' }) {
  return (
    <Section title="Upcoming appointments">
      <EmptyState title="No appointments yet">
        {forRole === 'doctor'
          ? 'When patients book visits with you, they will be listed here with their time and status.'
          : 'Your booked visits will be listed here with their time, doctor and status.'}
      </EmptyState>
    </Section>
  );
}
