import type { Appointment } from '../../../../contracts/appointments.js';
import { formatDateTimeIn, formatTimeIn } from '../../../lib/datetime.js';
import { useUnreadByAppointment } from '../../../entities/chat/use-chat-unread.js';
import { StatusBadge } from '../../../entities/appointments/status-badge.js';
import { UnreadMarker } from '../../../entities/chat/unread-marker.js';
import { doctorName, personName } from '../../../../contracts/people.js';
import { RecordLink, RowList } from '../../../lib/ui/row-list.js';

/** A compact list of appointments for a dashboard: time, the other person, status. */
export function AppointmentRows({
  appointments,
  show,
  timeOnly,
}: {
  appointments: Appointment[];
  /** Whose name leads each row. */
  show: 'patient' | 'doctor';
  /** Today's schedule shows times only. */
  timeOnly?: boolean;
}) {
  // Dashboards with appointment rows are the patient's and the doctor's, who have chats.
  const unread = useUnreadByAppointment(true);
  return (
    <RowList>
      {appointments.map((a) => (
        <li key={a.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 p-4">
          <div className="min-w-0 flex-1">
            <p className="font-semibold">
              <RecordLink to={`/appointments/${a.id}`}>
                {show === 'patient' ? personName(a.patient) : doctorName(a.doctor)}
              </RecordLink>
            </p>
            <p className="text-sm text-slate-800">
              <time dateTime={a.startsAt}>{timeOnly ? `${formatTimeIn(a.startsAt)} – ${formatTimeIn(a.endsAt)}` : formatDateTimeIn(a.startsAt)}</time>
            </p>
            <p className="line-clamp-2 text-sm break-words text-slate-700">{show === 'patient' ? a.symptoms : a.doctor.specialization}</p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <UnreadMarker count={unread.get(a.id)} />
            <StatusBadge status={a.status} />
          </div>
        </li>
      ))}
    </RowList>
  );
}
