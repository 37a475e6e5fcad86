import { useParams } from 'react-router';
import { ResetTwoFactorControl } from '../../entities/accounts/reset-two-factor.js';
import { formatCalendarDate, formatDateTime } from '../../lib/datetime.js';
import { useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { ActivationControl } from '../../lib/ui/activation-control.js';
import { ActiveBadge, Badge } from '../../lib/ui/badge.js';
import { Card } from '../../lib/ui/card.js';
import { DetailList } from '../../lib/ui/detail-list.js';
import { EditableSection } from '../../lib/ui/editable-section.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { Loading } from '../../lib/ui/spinner.js';
import { recordBackLink } from '../../entities/accounts/record-back-link.js';
import { RecordUnavailable } from '../../lib/ui/record-unavailable.js';
import { patientQuery, useUpdatePatient } from '../../entities/patients/patient-api.js';
import { PatientEditForm } from '../../features/patients/components/patient-edit-form.js';
import { personName } from '../../../contracts/people.js';
import { useQuery } from '@tanstack/react-query';

function Multiline({ text, empty }: { text: string; empty: string }) {
  return text.trim() ? <span className="whitespace-pre-line">{text}</span> : <span className="text-slate-600">{empty}</span>;
}

export function PatientDetailPage() {
  const { patientId = '' } = useParams();
  const me = useMe();
  const patient = useQuery(patientQuery(patientId));
  const update = useUpdatePatient(patientId);
  useDocumentTitle(patient.data ? personName(patient.data) : 'Patient');

  const back = recordBackLink(me.role, patient.data?.hospitalId ?? null, { to: '/patients', label: 'All patients' });

  if (patient.isPending) return <Loading label="Loading patient…" />;
  if (patient.isError) return <RecordUnavailable noun="patient" error={patient.error} back={back} onRetry={() => void patient.refetch()} />;

  const p = patient.data;
  return (
    <>
      <PageHeader
        title={personName(p)}
        back={back}
        badge={<ActiveBadge active={p.isActive} />}
        description={p.email}
        actions={
          <>
            <ResetTwoFactorControl userId={p.id} name={personName(p)} enabled={p.twoFactorEnabled} />
            <ActivationControl
              active={p.isActive}
              what="patient"
              name={personName(p)}
              consequence="They will be signed out and cannot sign in until reactivated. Their records are kept."
              onChange={(isActive) => update.mutateAsync({ isActive })}
            />
          </>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <EditableSection
          title="Medical profile"
          savedMessage="Patient’s profile saved."
          form={({ done, cancel }) => <PatientEditForm patient={p} onCancel={cancel} onDone={done} />}
          view={
            <DetailList
              items={[
                { label: 'Date of birth', value: p.dateOfBirth ? formatCalendarDate(p.dateOfBirth) : 'Not given' },
                { label: 'Blood type', value: p.bloodType ? <Badge tone="red">{p.bloodType}</Badge> : 'Not known' },
                { label: 'Phone', value: p.phone ?? 'Not given' },
                { label: 'Emergency contact', value: <Multiline text={p.emergencyContact} empty="Not given" /> },
                { label: 'Allergies', value: <Multiline text={p.allergies} empty="None recorded" /> },
                { label: 'Medical history', value: <Multiline text={p.medicalHistory} empty="None recorded" /> },
              ]}
            />
          }
        />
        <Card className="h-fit space-y-3">
          <h2 className="text-lg font-semibold">Account</h2>
          <DetailList
            items={[
              { label: 'Email', value: p.email },
              { label: 'Joined', value: formatDateTime(p.createdAt) },
              { label: 'Last sign-in', value: p.lastLoginAt ? formatDateTime(p.lastLoginAt) : 'Never' },
              ...(p.mustChangePassword
                ? [{ label: 'Password', value: <Badge tone="amber">Temporary, not yet changed</Badge> }]
                : []),
            ]}
          />
        </Card>
      </div>
    </>
  );
}
