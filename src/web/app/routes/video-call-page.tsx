import { useParams } from 'react-router';
import { doctorName, personName } from '../../../contracts/people.js';
import { useAppointment } from '../../features/appointments/api/use-appointments.js';
import { CallRoom } from '../../features/calls/components/call-room.js';
import { ChatPanel } from '../../features/chat/components/chat-panel.js';
import { useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { Loading } from '../../lib/ui/spinner.js';

/**
 * /video-call/:appointmentId composes the call and the appointment's chat beside it (the same
 * chat as on the appointment page: stored, with attachments and receipts).
 */
export function VideoCallPage() {
  const { appointmentId = '' } = useParams();
  const me = useMe();
  const appointment = useAppointment(appointmentId);
  const a = appointment.data;
  const other = a ? (me.id === a.doctor.id ? personName(a.patient) : doctorName(a.doctor)) : '';
  useDocumentTitle(a ? `Video visit with ${other}` : 'Video visit');
  if (appointment.isPending) return <Loading label="Loading the appointment…" />;
  const back = { to: `/appointments/${appointmentId}`, label: 'Back to the appointment' };
  return (
    <>
      <PageHeader title={a ? `Video visit with ${other}` : 'Video visit'} back={back} />
      <CallRoom
        key={appointmentId}
        appointmentId={appointmentId}
        people={{ other: other || 'The other side', me: personName(me, me.role === 'doctor' ? 'doctor' : null) }}
        aside={a ? <ChatPanel appointmentId={a.id} /> : undefined}
      />
    </>
  );
}
