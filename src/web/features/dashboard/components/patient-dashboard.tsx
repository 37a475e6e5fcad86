import { medicalCompleteness } from '../../../entities/patients/medical-fields.js';
import { Alert } from '../../../lib/ui/alert.js';
import { ButtonLink } from '../../../lib/ui/button.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { PatientUpcoming } from './patient-upcoming.js';
import { useQuery } from '@tanstack/react-query';
import { patientQuery } from '../../../entities/patients/patient-api.js';

export function PatientDashboard({ patientId, hospitalName }: { patientId: string; hospitalName: string | null }) {
  const patient = useQuery(patientQuery(patientId));
  return (
    <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
      <PatientUpcoming />
      <div className="space-y-8">
        <Section title="Your hospital">
          <Card>
            <p className="text-lg font-semibold">{hospitalName ?? 'Not set'}</p>
            <p className="text-sm text-slate-700">Your visits and doctors are at this hospital.</p>
          </Card>
        </Section>
        <Section title="Medical profile">
          {patient.isPending ? (
            <SkeletonRows rows={1} label="Loading your medical profile…" />
          ) : patient.isError ? (
            <QueryError error={patient.error} title="Could not load your medical profile" onRetry={() => void patient.refetch()} />
          ) : (
            <Completeness {...medicalCompleteness(patient.data)} />
          )}
        </Section>
      </div>
    </div>
  );
}

function Completeness({ done, total, missing }: { done: number; total: number; missing: string[] }) {
  if (missing.length === 0) {
    return (
      <Alert tone="success" title="Your medical profile is complete" action={<ButtonLink to="/profile" variant="secondary" size="sm">Review it</ButtonLink>}>
        Doctors will see it before your visits.
      </Alert>
    );
  }
  return (
    <Alert
      tone="warning"
      title={`Your medical profile is ${done} of ${total} complete`}
      action={<ButtonLink to="/profile" size="sm">Complete your medical profile</ButtonLink>}
    >
      Add your {new Intl.ListFormat('en', { type: 'conjunction' }).format(missing)} so doctors know your history before a visit.
    </Alert>
  );
}
