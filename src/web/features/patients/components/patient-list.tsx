import { Link } from 'react-router';
import type { Patient } from '../../../../contracts/patients.js';
import { formatCalendarDate } from '../../../lib/datetime.js';
import { ActiveBadge, Badge } from '../../../lib/ui/badge.js';
import { personName } from '../../../../contracts/people.js';

export function PatientList({ patients }: { patients: Patient[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
      {patients.map((p) => (
        <li key={p.id} className="flex flex-col gap-1 p-4">
          <div className="flex flex-wrap items-center gap-2">
            <Link to={`/patients/${p.id}`} className="font-semibold text-brand-900 underline-offset-2 hover:underline">
              {personName(p)}
            </Link>
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
    </ul>
  );
}
