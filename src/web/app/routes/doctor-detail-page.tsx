import { useParams } from 'react-router';
import { ResetTwoFactorControl } from '../../entities/accounts/reset-two-factor.js';
import { isFullDoctor } from '../../../contracts/doctors.js';
import { formatDateTime } from '../../lib/datetime.js';
import { useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { ActivationControl } from '../../lib/ui/activation-control.js';
import { ActiveBadge, Badge } from '../../lib/ui/badge.js';
import { ButtonLink } from '../../lib/ui/button.js';
import { Card } from '../../lib/ui/card.js';
import { DetailList } from '../../lib/ui/detail-list.js';
import { EditableSection } from '../../lib/ui/editable-section.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { Loading } from '../../lib/ui/spinner.js';
import { recordBackLink } from '../../entities/accounts/record-back-link.js';
import { RecordUnavailable } from '../../lib/ui/record-unavailable.js';
import { doctorQuery, useUpdateDoctor } from '../../entities/doctors/doctor-api.js';
import { DoctorEditForm } from '../../features/doctors/components/doctor-edit-form.js';
import { DoctorPictureCard } from '../../features/doctors/components/doctor-picture-card.js';
import { doctorName } from '../../../contracts/people.js';
import { useQuery } from '@tanstack/react-query';

export function DoctorDetailPage() {
  const { doctorId = '' } = useParams();
  const me = useMe();
  const doctor = useQuery(doctorQuery(doctorId));
  const update = useUpdateDoctor(doctorId);
  useDocumentTitle(doctor.data ? doctorName(doctor.data) : 'Doctor');

  const back = recordBackLink(me.role, doctor.data?.hospitalId ?? null, { to: '/doctors', label: 'All doctors' });

  if (doctor.isPending) return <Loading label="Loading doctor…" />;
  if (doctor.isError) return <RecordUnavailable noun="doctor" error={doctor.error} back={back} onRetry={() => void doctor.refetch()} />;

  const d = doctor.data;
  // Staff always get the full record; should the server send the public view, show only that.
  if (!isFullDoctor(d)) {
    return (
      <>
        <PageHeader title={doctorName(d)} back={back} description={`${d.specialization} · ${d.experienceYears} ${d.experienceYears === 1 ? 'year' : 'years'} of experience`} />
        <Card>
          <DetailList
            items={[
              { label: 'Specialization', value: d.specialization },
              { label: 'Appointments', value: d.isAvailable ? <Badge tone="blue">Available</Badge> : <Badge>Not available</Badge> },
              { label: 'Bio', value: d.bio || 'No bio yet' },
            ]}
          />
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={doctorName(d)}
        back={back}
        badge={<ActiveBadge active={d.isActive} />}
        description={`${d.specialization} · ${d.experienceYears} ${d.experienceYears === 1 ? 'year' : 'years'} of experience`}
        actions={
          <>
            <ResetTwoFactorControl userId={d.id} name={doctorName(d)} enabled={d.twoFactorEnabled} />
            <ActivationControl
              active={d.isActive}
              what="doctor"
              name={doctorName(d)}
              consequence="They will be signed out, cannot sign in, and patients cannot book them until reactivated."
              onChange={(isActive) => update.mutateAsync({ isActive })}
            />
          </>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <EditableSection
          title="Profile"
          savedMessage="Doctor’s profile saved."
          form={({ done, cancel }) => <DoctorEditForm doctor={d} onCancel={cancel} onDone={done} />}
          view={
            <DetailList
              items={[
                { label: 'Email', value: d.email },
                { label: 'Phone', value: d.phone ?? 'Not given' },
                { label: 'Specialization', value: d.specialization },
                { label: 'Licence number', value: d.licenseNumber },
                { label: 'Experience', value: `${d.experienceYears} ${d.experienceYears === 1 ? 'year' : 'years'}` },
                {
                  label: 'Appointments',
                  value: d.isAvailable ? <Badge tone="blue">Available</Badge> : <Badge>Not available</Badge>,
                },
                { label: 'Bio', value: d.bio || 'No bio yet' },
              ]}
            />
          }
        />
        <div className="space-y-8">
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">Availability</h2>
            <p className="text-sm text-slate-700">
              The weekly hours, visit length and days off that patients book from.
            </p>
            <ButtonLink to={`/doctors/${d.id}/availability`} variant="secondary">
              Edit availability
            </ButtonLink>
          </Card>
          <DoctorPictureCard doctor={d} />
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">Account</h2>
            <DetailList
              items={[
                { label: 'Added', value: formatDateTime(d.createdAt) },
                { label: 'Last sign-in', value: d.lastLoginAt ? formatDateTime(d.lastLoginAt) : 'Never' },
                {
                  label: 'Password',
                  value: d.mustChangePassword ? <Badge tone="amber">Temporary, not yet changed</Badge> : 'Set by the doctor',
                },
              ]}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
