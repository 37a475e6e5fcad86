import type { DoctorView } from '../../../../contracts/doctors.js';
import { doctorName } from '../../../../contracts/people.js';
import { DoctorAvatar } from '../../../entities/doctors/doctor-avatar.js';
import { Badge } from '../../../lib/ui/badge.js';
import { ButtonLink } from '../../../lib/ui/button.js';
import { RecordLink } from '../../../lib/ui/row-list.js';

/** A doctor as a patient choosing one sees them, with the way to their free times. */
export function DoctorCard({ doctor: d }: { doctor: DoctorView }) {
  const name = doctorName(d);
  return (
    <li className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-start gap-4">
        <DoctorAvatar doctor={d} />
        <div className="min-w-0 flex-1">
          <h2 className="font-semibold text-slate-900">
            {d.isAvailable ? (
              <RecordLink to={`/book/${d.id}`}>
                {name}
              </RecordLink>
            ) : (
              name
            )}
          </h2>
          <p className="text-sm text-slate-800">{d.specialization}</p>
          <p className="text-sm text-slate-700">
            {d.experienceYears} {d.experienceYears === 1 ? 'year' : 'years'} of experience
          </p>
        </div>
      </div>
      {d.bio && <p className="line-clamp-3 text-sm text-slate-700">{d.bio}</p>}
      <div className="mt-auto flex flex-wrap items-center justify-between gap-2">
        {d.isAvailable ? <Badge tone="green">Taking appointments</Badge> : <Badge>Not taking appointments</Badge>}
        {d.isAvailable && (
          <ButtonLink to={`/book/${d.id}`} size="sm" aria-label={`See free times of ${name}`}>
            See free times
          </ButtonLink>
        )}
      </div>
    </li>
  );
}
