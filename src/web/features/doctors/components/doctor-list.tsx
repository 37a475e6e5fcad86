import { isFullDoctor, type DoctorView } from '../../../../contracts/doctors.js';
import { ActiveBadge, Badge } from '../../../lib/ui/badge.js';
import { DoctorAvatar } from '../../../entities/doctors/doctor-avatar.js';
import { doctorName } from '../../../../contracts/people.js';
import { RecordLink, RowList } from '../../../lib/ui/row-list.js';

/** Doctors as staff see them; account details show only where the record carries them (the full view). */
export function DoctorList({ doctors }: { doctors: DoctorView[] }) {
  return (
    <RowList>
      {doctors.map((d) => (
        <li key={d.id} className="flex items-start gap-4 p-4">
          <DoctorAvatar doctor={d} />
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <RecordLink to={`/doctors/${d.id}`} className="font-semibold">
                {doctorName(d)}
              </RecordLink>
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
    </RowList>
  );
}
