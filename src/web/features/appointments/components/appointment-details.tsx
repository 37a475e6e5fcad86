import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { AppointmentDetail } from '../../../../contracts/appointments.js';
import { ApiError } from '../../../lib/api-client.js';
import { appointmentStatus, isTimeAgreed, type Viewer } from '../../../entities/appointments/appointment-status.js';
import { describeZone, formatDateTimeIn, formatTimeIn, sameClock, viewerTimeZone } from '../../../lib/datetime.js';
import { formatPaisa } from '../../../lib/money.js';
import { useMe } from '../../../lib/session.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { Alert } from '../../../lib/ui/alert.js';
import { buttonClass, ButtonLink } from '../../../lib/ui/button.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { DetailList } from '../../../lib/ui/detail-list.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { PageHeader } from '../../../lib/ui/page-header.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { Loading } from '../../../lib/ui/spinner.js';
import { StatusBadge } from '../../../entities/appointments/status-badge.js';
import { calendarUrl, useAppointment } from '../api/use-appointments.js';
import { AppointmentActions } from './appointment-actions.js';
import { AppointmentHistory } from './appointment-history.js';
import { ProposalCompare } from './proposal-compare.js';
import { VideoVisit } from './video-visit.js';
import { counterpartName } from '../utils/appointment-people.js';
import { viewerOf } from '../utils/appointment-filters.js';
import { doctorName, personName } from '../../../../contracts/people.js';

/** Where "back" goes: the appointments list, or for the super admin (who has none) the hospitals. */
function backFor(role: string, hospitalId?: string) {
  if (role !== 'super_admin') return { to: '/appointments', label: 'All appointments' };
  return hospitalId ? { to: `/hospitals/${hospitalId}`, label: 'Back to the hospital' } : { to: '/hospitals', label: 'All hospitals' };
}

/**
 * One appointment: its status and what it means, the times in the viewer's zone, the people,
 * the symptoms, the history, and the buttons for what the viewer may do now.
 * The route page adds the chat below it.
 */
export function AppointmentDetails({
  appointmentId,
  payment,
  below,
}: {
  appointmentId: string;
  /** The visit's payment, under its status (the route adds the payments feature's part). */
  payment?: (appointment: AppointmentDetail, viewer: Viewer) => ReactNode;
  /** What the page shows under a loaded appointment (the route adds its chat); nothing when it is missing. */
  below?: (appointment: AppointmentDetail) => ReactNode;
}) {
  const me = useMe();
  const appointment = useAppointment(appointmentId);
  const a = appointment.data;
  const viewer = a ? viewerOf(me, a) : 'staff';
  useDocumentTitle(a ? `Appointment with ${counterpartName(a, viewer)}` : 'Appointment');

  const back = backFor(me.role);
  if (appointment.isPending) return <Loading label="Loading the appointment…" />;
  if (appointment.isError) {
    const missing = appointment.error instanceof ApiError && appointment.error.status === 404;
    return (
      <>
        <PageHeader title={missing ? 'Appointment not found' : 'Appointment'} back={back} />
        {missing ? (
          <EmptyState title="This appointment does not exist or you cannot see it" action={<ButtonLink to={back.to}>{back.label}</ButtonLink>} />
        ) : (
          <QueryError error={appointment.error} title="Could not load the appointment" onRetry={() => void appointment.refetch()} />
        )}
      </>
    );
  }
  return (
    <div className="space-y-10">
      <Details appointment={a!} viewer={viewer} back={backFor(me.role, a!.hospitalId)} payment={payment?.(a!, viewer)} />
      {below?.(a!)}
    </div>
  );
}

function Details({
  appointment: a,
  viewer,
  back,
  payment,
}: {
  appointment: AppointmentDetail;
  viewer: Viewer;
  back: { to: string; label: string };
  payment: ReactNode;
}) {
  const location = useLocation();
  const justRequested = (location.state as { requested?: boolean } | null)?.requested === true;
  const [message, setMessage] = useState<string | null>(justRequested ? 'Your request was sent. The doctor will answer it soon; you will get a notification.' : null);
  const messageRef = useRef<HTMLDivElement>(null);
  const info = appointmentStatus[a.status];
  const viewerZone = viewerTimeZone();
  const otherZone = !sameClock(a.timezone, viewerZone, new Date(a.startsAt));

  useEffect(() => {
    if (message && !justRequested) messageRef.current?.focus();
  }, [message]);

  const when = (
    <>
      <time dateTime={a.startsAt}>{formatDateTimeIn(a.startsAt, viewerZone)}</time> – {formatTimeIn(a.endsAt, viewerZone)}
      {otherZone && (
        <span className="block text-sm text-slate-700">
          At the hospital: {formatDateTimeIn(a.startsAt, a.timezone)}
        </span>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title={viewer === 'staff' ? `${personName(a.patient)} with ${doctorName(a.doctor)}` : `Appointment with ${counterpartName(a, viewer)}`}
        back={back}
        badge={<StatusBadge status={a.status} />}
        description={formatDateTimeIn(a.startsAt, viewerZone)}
        actions={
          isTimeAgreed(a.status) && (
            <a href={calendarUrl(a.id)} download className={buttonClass('secondary')}>
              <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
                <rect x="3" y="5" width="18" height="16" rx="2" />
                <path d="M3 10h18M8 3v4M16 3v4" />
              </svg>
              Add to calendar
            </a>
          )
        }
      />
      <div className="space-y-8">
        {message && (
          <div ref={messageRef} tabIndex={-1} className="outline-none">
            <Alert tone="success">{message}</Alert>
          </div>
        )}
        <section aria-labelledby="appointment-status" className="space-y-4">
          <h2 id="appointment-status" className="sr-only">
            Status
          </h2>
          <div role="status" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
            <p className="flex flex-wrap items-center gap-2 text-slate-900">
              <span className="font-semibold">Status: {info.label}.</span>
              <span>{info.explain[viewer]}</span>
            </p>
            {a.status === 'rejected' && a.rejectionReason && (
              <p className="mt-3 text-sm text-slate-900">
                <span className="font-medium">Reason:</span> {a.rejectionReason}
              </p>
            )}
            {a.status === 'cancelled' && a.cancellationReason && (
              <p className="mt-3 text-sm text-slate-900">
                <span className="font-medium">Reason:</span> {a.cancellationReason}
              </p>
            )}
          </div>
          {payment}
          {a.status === 'pending' && a.requestedStartsAt && <ProposalCompare appointment={a} viewerIsPatient={viewer === 'patient'} />}
          <AppointmentActions appointment={a} onDone={setMessage} />
          <VideoVisit appointment={a} viewer={viewer} />
          {viewer === 'patient' && (a.status === 'rejected' || a.status === 'cancelled') && (
            <ButtonLink to={`/book/${a.doctor.id}`} variant="secondary">
              Book another time with {doctorName(a.doctor)}
            </ButtonLink>
          )}
        </section>
        <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
          <Section title="Details">
            {viewer === 'patient' && (
              <p className="text-sm text-slate-700">
                <span className="font-semibold text-slate-900">Who can see this:</span> {doctorName(a.doctor)} and the staff of {a.hospitalName} can read
                this appointment and its chat. Every time staff open them, it is recorded in the hospital’s audit log.
              </p>
            )}
            <Card>
              <DetailList
                items={[
                  { label: 'When', value: when },
                  { label: 'Time zone', value: `Your time zone, ${describeZone(viewerZone)}` },
                  { label: 'Doctor', value: `${doctorName(a.doctor)} · ${a.doctor.specialization}` },
                  { label: 'Patient', value: personName(a.patient) },
                  { label: 'Hospital', value: a.hospitalName },
                  { label: 'Fee', value: formatPaisa(a.fee) },
                  { label: 'Symptoms', value: <span className="whitespace-pre-line">{a.symptoms}</span> },
                  ...(a.notes ? [{ label: 'Visit notes', value: <span className="whitespace-pre-line">{a.notes}</span> }] : []),
                ]}
              />
            </Card>
          </Section>
          <Section title="History">
            <Card>
              <AppointmentHistory events={a.events} />
            </Card>
          </Section>
        </div>
      </div>
    </>
  );
}
