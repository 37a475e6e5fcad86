import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../lib/api-client.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { Badge } from '../../lib/ui/badge.js';
import { ButtonLink } from '../../lib/ui/button.js';
import { Card } from '../../lib/ui/card.js';
import { DoctorAvatar } from '../../entities/doctors/doctor-avatar.js';
import { EmptyState } from '../../lib/ui/empty-state.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { QueryError } from '../../lib/ui/query-error.js';
import { Loading } from '../../lib/ui/spinner.js';
import { doctorName } from '../../../contracts/people.js';
import { doctorQuery } from '../../entities/doctors/doctor-api.js';
import { BookingForm } from '../../features/appointments/components/booking-form.js';

const back = { to: '/find-doctor', label: 'Find a doctor' };

/** A patient picks one of a doctor's free times, says why they need the visit, and asks for it. */
export function BookAppointmentPage() {
  const { doctorId = '' } = useParams();
  const doctor = useQuery(doctorQuery(doctorId));
  useDocumentTitle(doctor.data ? `Book ${doctorName(doctor.data)}` : 'Book a visit');

  if (doctor.isPending) return <Loading label="Loading the doctor…" />;
  if (doctor.isError) {
    const missing = doctor.error instanceof ApiError && doctor.error.status === 404;
    return (
      <>
        <PageHeader title={missing ? 'Doctor not found' : 'Book a visit'} back={back} />
        {missing ? (
          <EmptyState title="This doctor does not exist or is not at your hospital" action={<ButtonLink to={back.to}>Find a doctor</ButtonLink>} />
        ) : (
          <QueryError error={doctor.error} title="Could not load the doctor" onRetry={() => void doctor.refetch()} />
        )}
      </>
    );
  }
  const d = doctor.data;
  return (
    <>
      <PageHeader title={`Book ${doctorName(d)}`} back={back} description={`${d.specialization} · ${d.experienceYears} ${d.experienceYears === 1 ? 'year' : 'years'} of experience`} />
      <div className="grid gap-8 lg:grid-cols-[1fr_2fr]">
        <Card className="h-fit space-y-4">
          <div className="flex items-center gap-4">
            <DoctorAvatar doctor={d} size="lg" />
            <div className="min-w-0">
              <p className="font-semibold text-slate-900">{doctorName(d)}</p>
              <p className="text-sm text-slate-700">{d.specialization}</p>
              <div className="mt-2">
                {d.isAvailable ? <Badge tone="green">Taking appointments</Badge> : <Badge>Not taking appointments</Badge>}
              </div>
            </div>
          </div>
          {d.bio && <p className="text-sm text-slate-800">{d.bio}</p>}
        </Card>
        {d.isAvailable ? (
          <BookingForm doctorId={d.id} doctorLabel={doctorName(d)} cancelTo={back.to} />
        ) : (
          <EmptyState title={`${doctorName(d)} is not taking appointments right now`} action={<ButtonLink to={back.to}>Find another doctor</ButtonLink>}>
            Choose another doctor, or check again later.
          </EmptyState>
        )}
      </div>
    </>
  );
}
