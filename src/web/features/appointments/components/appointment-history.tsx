import type { AppointmentDetail } from '../../../../contracts/appointments.js';
import { appointmentStatus } from '../../../entities/appointments/appointment-status.js';
import { formatDateTimeIn } from '../../../lib/datetime.js';
import { StatusBadge } from '../../../entities/appointments/status-badge.js';

const VERBS: Record<string, string> = {
  request: 'requested the appointment',
  approve: 'approved the time',
  reject: 'rejected the request',
  propose: 'proposed another time',
  'accept-proposal': 'accepted the proposed time',
  'decline-proposal': 'declined the proposed time',
  cancel: 'cancelled the appointment',
  start: 'started the visit',
  complete: 'completed the visit',
  'confirm-free': 'confirmed the appointment (no fee is due)',
  'payment-received': 'received the payment',
  expire: 'cancelled the appointment automatically',
};

/** Who did what, when and why: the appointment's history, oldest first. */
export function AppointmentHistory({ events }: { events: AppointmentDetail['events'] }) {
  return (
    <ol className="relative space-y-5 border-l-2 border-slate-200 pl-5">
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} className="relative">
          <span aria-hidden="true" className="absolute top-1.5 -left-[1.72rem] size-3 rounded-full border-2 border-white bg-brand-700 ring-1 ring-brand-700" />
          <p className="text-sm text-slate-900">
            <span className="font-semibold">{e.actorName ?? 'The system'}</span> {VERBS[e.action] ?? e.action.replace(/-/g, ' ')}
          </p>
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <time dateTime={e.at}>{formatDateTimeIn(e.at)}</time>
            <span className="sr-only">Status became {appointmentStatus[e.toStatus].label}</span>
            <span aria-hidden="true">
              <StatusBadge status={e.toStatus} />
            </span>
          </p>
          {e.reason && <p className="mt-1 rounded-md bg-slate-100 p-2 text-sm break-words whitespace-pre-line text-slate-800">“{e.reason}”</p>}
        </li>
      ))}
    </ol>
  );
}
