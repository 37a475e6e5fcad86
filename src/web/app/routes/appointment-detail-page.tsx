import { useParams } from 'react-router';
import { AppointmentDetails } from '../../features/appointments/pages/appointment-details.js';
import { ChatPanel } from '../../features/chat/components/chat-panel.js';

/**
 * /appointments/:appointmentId composes two features: the appointment itself (status, times,
 * history, the viewer's actions) and, below it, the appointment's chat.
 */
export function AppointmentDetailPage() {
  const { appointmentId = '' } = useParams();
  return (
    <div className="space-y-10">
      <AppointmentDetails key={appointmentId} appointmentId={appointmentId} />
      <ChatPanel appointmentId={appointmentId} />
    </div>
  );
}
