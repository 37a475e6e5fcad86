import type { Patient } from '../../../../contracts/patients.js';
import { formatCalendarDate } from '../../../lib/datetime.js';
import { ActiveBadge, Badge } from '../../../lib/ui/badge.js';
import { personName } from '../../../../contracts/people.js';
import { RecordLink, RowList } from '../../../lib/ui/row-list.js';

export function PatientList({ patients }: { patients: Patient[] }) {
  return (
    <RowList>
      {patients.map((p) => (
        <li key={p.id} className="flex flex-col gap-1 p-4">
          <div className="flex flex-wrap items-center gap-2">
            <RecordLink to={`/patients/${p.id}`} className="font-semibold">
              {personName(p)}
            </RecordLink>
            <ActiveBadge active={p.isActive} />
            {p.bloodType && <Badge tone="red">{p.bloodType}</Badge>}
          </div>
          <p className="truncate text-sm text-slate-700">
            {p.email}
            {p.phone ? ` · ${p.phone}` : ''}
          </p>
          {p.dateOfBirth && <p className="text-sm text-slate-700">Born {formatCalendarDate(p.dateOfBirth)}</p>}
        </li>
      ))}
    </RowList>
  );
}
