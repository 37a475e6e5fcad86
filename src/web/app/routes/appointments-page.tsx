import { useSearchParams } from 'react-router';
import { useMe } from '../../lib/session.js';
import { Alert } from '../../lib/ui/alert.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { ButtonLink } from '../../lib/ui/button.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { AppointmentsPanel } from '../../features/appointments/components/appointments-panel.js';

/** /appointments: a patient's or doctor's own, or a hospital admin's whole hospital. */
export function AppointmentsPage() {
  useDocumentTitle('Appointments');
  const me = useMe();
  // Khalti sent someone back for a payment the server does not know (a stale or altered link).
  const unknownPayment = useSearchParams()[0].get('payment') === 'unknown';
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
      {unknownPayment && (
        <Alert tone="warning" title="We could not find that payment" className="mb-6">
          The payment link was not recognised, so nothing was confirmed. Open the appointment below to see whether it is paid, or pay it from there.
        </Alert>
      )}
      <AppointmentsPanel filters={me.role === 'patient' ? 'none' : me.role === 'doctor' ? 'status' : 'status-and-dates'} />
    </>
  );
}
