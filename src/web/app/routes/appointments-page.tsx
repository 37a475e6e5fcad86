import { useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { ButtonLink } from '../../lib/ui/button.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { AppointmentsPanel } from '../../features/appointments/components/appointments-panel.js';

/** /appointments: a patient's or doctor's own, or a hospital admin's whole hospital. */
export function AppointmentsPage() {
  useDocumentTitle('Appointments');
  const me = useMe();
  const description =
    me.role === 'patient'
      ? 'Your visits: what is coming up and what is done.'
      : me.role === 'doctor'
        ? 'Visits patients booked with you.'
        : `All appointments at ${me.hospitalName ?? 'your hospital'}. Open one to see its details and history.`;
  return (
    <>
      <PageHeader
        title="Appointments"
        description={description}
        actions={me.role === 'patient' && <ButtonLink to="/find-doctor">Book a visit</ButtonLink>}
      />
      <AppointmentsPanel filters={me.role === 'patient' ? 'none' : me.role === 'doctor' ? 'status' : 'status-and-dates'} />
    </>
  );
}
