import { useParams } from 'react-router';
import { AppointmentDetails } from '../../features/appointments/components/appointment-details.js';
import { ChatPanel } from '../../features/chat/components/chat-panel.js';

/**
 * /appointments/:appointmentId composes two features: the appointment itself (status, times,
 * history, the viewer's actions) and, below it once it has loaded, the appointment's chat. A
 * missing (or another hospital's) appointment is one "not found" state, without a chat.
 */
export function AppointmentDetailPage() {
  const { appointmentId = '' } = useParams();
  return (
    <AppointmentDetails
      key={appointmentId}
      appointmentId={appointmentId}
      below={(appointment) => <ChatPanel appointmentId={appointment.id} />}
    />
  );
}
