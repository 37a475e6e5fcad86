import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/auth.js';
import { isFullDoctor } from '../../../../contracts/doctors.js';
import { doctorQuery } from '../../../entities/doctors/doctor-api.js';
import { patientQuery } from '../../../entities/patients/patient-api.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { DoctorSelfForm } from './doctor-self-form.js';
import { PatientSelfForm } from './patient-self-form.js';

/** What the signed-in person keeps up to date about themselves: a doctor's profile, a patient's medical profile. */
export function OwnRecord({ me }: { me: Me }) {
  if (me.role === 'doctor') return <DoctorProfile id={me.id} />;
  if (me.role === 'patient') return <PatientProfile id={me.id} />;
  return (
    <Section title="Your details">
      <Card>
        <p className="text-slate-700">
          {me.role === 'super_admin'
            ? 'Super admin accounts are managed with the operator command line.'
            : 'Your name and phone are managed by the platform’s super admin. Ask them if something is wrong.'}
        </p>
      </Card>
    </Section>
  );
}

function DoctorProfile({ id }: { id: string }) {
  const doctor = useQuery(doctorQuery(id));
  return (
    <Section title="Doctor profile" description="Your specialization and licence are managed by your hospital’s administrator.">
      <Card>
        {doctor.isPending ? (
          <SkeletonRows rows={4} label="Loading your profile…" />
        ) : doctor.isError ? (
          <QueryError error={doctor.error} title="Could not load your profile" onRetry={() => void doctor.refetch()} />
        ) : isFullDoctor(doctor.data) ? (
          <DoctorSelfForm doctor={doctor.data} />
        ) : (
          <Alert tone="warning">Your full profile could not be loaded (the server sent the public view). Reload the page, or ask your administrator.</Alert>
        )}
      </Card>
    </Section>
  );
}

function PatientProfile({ id }: { id: string }) {
  const patient = useQuery(patientQuery(id));
  return (
    <Section title="Medical profile" description="Your doctors see this before a visit. Only you and your hospital’s staff can see it.">
      <Card>
        {patient.isPending ? (
          <SkeletonRows rows={5} label="Loading your medical profile…" />
        ) : patient.isError ? (
          <QueryError error={patient.error} title="Could not load your medical profile" onRetry={() => void patient.refetch()} />
        ) : (
          <PatientSelfForm patient={patient.data} />
        )}
      </Card>
    </Section>
  );
}
