import type { Appointment } from '../../../../contracts/appointments.js';
import type { Viewer } from '../../../entities/appointments/appointment-status.js';
import { formatDateTimeIn } from '../../../lib/datetime.js';
import { StatusBadge } from '../../../entities/appointments/status-badge.js';
import { UnreadMarker } from '../../../entities/chat/unread-marker.js';
import { counterpartName } from '../utils/appointment-people.js';
import { doctorName, personName } from '../../../../contracts/people.js';
import { RecordLink, RowList } from '../../../lib/ui/row-list.js';

/** Appointments as rows: when, with whom, status; each opens its page. */
export function AppointmentList({
  appointments,
  viewerOf,
  unread,
}: {
  appointments: Appointment[];
  viewerOf: (a: Appointment) => Viewer;
  /** Unread chat messages per appointment id. */
  unread?: ReadonlyMap<string, number>;
}) {
  return (
    <RowList>
      {appointments.map((a) => {
        const viewer = viewerOf(a);
        return (
          <li key={a.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0 space-y-0.5">
              <p className="font-semibold">
                <RecordLink to={`/appointments/${a.id}`}>
                  {counterpartName(a, viewer)}
                </RecordLink>
              </p>
              <p className="text-sm text-slate-800">
                <time dateTime={a.startsAt}>{formatDateTimeIn(a.startsAt)}</time>
              </p>
              <p className="truncate text-sm text-slate-700">
                {viewer === 'doctor' ? a.symptoms : viewer === 'patient' ? a.doctor.specialization : `${personName(a.patient)} · ${doctorName(a.doctor)}`}
              </p>
            </div>
            <div className="flex shrink-0 flex-wrap items-center gap-2">
              <UnreadMarker count={unread?.get(a.id)} />
              <StatusBadge status={a.status} />
            </div>
          </li>
        );
      })}
    </RowList>
  );
}
