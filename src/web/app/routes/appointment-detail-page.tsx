import { useParams } from 'react-router';
import { AppointmentDetails } from '../../features/appointments/components/appointment-details.js';
import { ChatPanel } from '../../features/chat/components/chat-panel.js';
import { AppointmentPayment } from '../../features/payments/components/appointment-payment.js';

/**
 * /appointments/:appointmentId composes three features: the appointment itself (status, times,
 * history, the viewer's actions), its payment under the status and, below it once it has loaded,
 * the appointment's chat. A missing (or another hospital's) appointment is one "not found"
 * state, without a payment or a chat.
 */
export function AppointmentDetailPage() {
  const { appointmentId = '' } = useParams();
  return (
    <AppointmentDetails
      key={appointmentId}
      appointmentId={appointmentId}
      payment={(appointment, viewer) => <AppointmentPayment appointment={appointment} viewer={viewer} />}
      below={(appointment) => <ChatPanel appointmentId={appointment.id} />}
    />
  );
}
