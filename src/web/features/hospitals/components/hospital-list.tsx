import type { Hospital } from '../../../../contracts/hospitals.js';
import { formatPaisa } from '../../../lib/money.js';
import { ActiveBadge } from '../../../lib/ui/badge.js';
import { RecordLink, RowList } from '../../../lib/ui/row-list.js';

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

export function HospitalList({ hospitals }: { hospitals: Hospital[] }) {
  return (
    <RowList className="overflow-hidden">
      {hospitals.map((h) => (
        <li key={h.id} className="relative flex flex-col gap-2 p-4 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-6">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <RecordLink to={`/hospitals/${h.id}`} className="font-semibold">
                {h.name}
              </RecordLink>
              <ActiveBadge active={h.isActive} />
            </div>
            <p className="truncate text-sm text-slate-700">{h.address}</p>
          </div>
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-800">
            <div className="flex gap-1">
              <dt className="sr-only">Doctors</dt>
              <dd>{plural(h.doctorCount, 'doctor', 'doctors')}</dd>
            </div>
            <div className="flex gap-1">
              <dt className="sr-only">Patients</dt>
              <dd>{plural(h.patientCount, 'patient', 'patients')}</dd>
            </div>
            <div className="flex gap-1">
              <dt>Fee:</dt>
              <dd>{formatPaisa(h.appointmentFee)}</dd>
            </div>
          </dl>
        </li>
      ))}
    </RowList>
  );
}
