import { Section } from '../../../lib/ui/card.js';
import { AppointmentsPanel } from './appointments-panel.js';

/** A hospital's appointments on its page (read-only; each opens its detail). */
export function HospitalAppointments({ hospitalId }: { hospitalId: string }) {
  return (
    <Section title="Appointments" description="Visits booked with this hospital’s doctors.">
      <AppointmentsPanel filters="status-and-dates" hospitalId={hospitalId} />
    </Section>
  );
}
