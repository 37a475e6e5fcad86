import { Link } from 'react-router';
import { isFullDoctor, type DoctorView } from '../../../../contracts/doctors.js';
import { ActiveBadge, Badge } from '../../../lib/ui/badge.js';
import { DoctorAvatar } from '../../../entities/doctors/doctor-avatar.js';
import { doctorName } from '../../../../contracts/people.js';

/** Doctors as staff see them; account details show only where the record carries them (the full view). */
export function DoctorList({ doctors }: { doctors: DoctorView[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
      {doctors.map((d) => (
        <li key={d.id} className="flex items-start gap-4 p-4">
          <DoctorAvatar doctor={d} />
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <Link to={`/doctors/${d.id}`} className="font-semibold text-brand-900 underline-offset-2 hover:underline">
                {doctorName(d)}
              </Link>
              {isFullDoctor(d) && <ActiveBadge active={d.isActive} />}
              {(!isFullDoctor(d) || d.isActive) && (d.isAvailable ? <Badge tone="blue">Available</Badge> : <Badge>Not available</Badge>)}
            </div>
            <p className="text-sm text-slate-800">
              {d.specialization} · {d.experienceYears} {d.experienceYears === 1 ? 'year' : 'years'} of experience
            </p>
            {isFullDoctor(d) && (
              <p className="truncate text-sm text-slate-700">
                Licence {d.licenseNumber} · {d.email}
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
