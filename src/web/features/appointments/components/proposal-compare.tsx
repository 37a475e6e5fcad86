import type { AppointmentDetail } from '../../../../contracts/appointments.js';
import { formatDateTimeIn } from '../../../lib/datetime.js';
import { personName } from '../../../../contracts/people.js';

/** While a proposal waits: the doctor's new time beside the one first asked for, and the note. */
export function ProposalCompare({ appointment: a, viewerIsPatient }: { appointment: AppointmentDetail; viewerIsPatient: boolean }) {
  return (
    <div className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4">
      <h2 className="font-semibold text-amber-950">
        {viewerIsPatient ? `${personName(a.doctor, 'doctor', { short: true })} proposed another time` : 'Your proposal'}
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="rounded-lg border border-amber-300 bg-white p-3">
          <dt className="text-sm font-medium text-slate-700">Proposed time</dt>
          <dd className="font-semibold text-slate-900">{formatDateTimeIn(a.startsAt)}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm font-medium text-slate-700">Originally requested</dt>
          <dd className="text-slate-900">
            <s className="decoration-slate-500">{formatDateTimeIn(a.requestedStartsAt)}</s>
          </dd>
        </div>
      </dl>
      {a.proposalNote && (
        <p className="text-sm text-slate-900">
          <span className="font-medium">Note from the doctor:</span> “{a.proposalNote}”
        </p>
      )}
    </div>
  );
}
