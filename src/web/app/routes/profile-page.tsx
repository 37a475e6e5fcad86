import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Me } from '../../../contracts/auth.js';
import { isFullDoctor } from '../../../contracts/doctors.js';
import { personName } from '../../../contracts/people.js';
import { doctorQuery } from '../../entities/doctors/doctor-api.js';
import { patientQuery } from '../../entities/patients/patient-api.js';
import { DoctorEditForm } from '../../features/doctors/components/doctor-edit-form.js';
import { PatientEditForm } from '../../features/patients/components/patient-edit-form.js';
import { roleLabels } from '../../entities/accounts/roles.js';
import { useMe, useSignOut } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { Alert } from '../../lib/ui/alert.js';
import { Button, ButtonLink } from '../../lib/ui/button.js';
import { Card, Section } from '../../lib/ui/card.js';
import { DetailList } from '../../lib/ui/detail-list.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { QueryState } from '../../lib/ui/query-state.js';
import { QueryError } from '../../lib/ui/query-error.js';
import { SkeletonRows } from '../../lib/ui/spinner.js';
import { useMailConfig } from '../../lib/use-mail-config.js';
import { useMailPreferences } from '../../features/mail/api/use-mail-preferences.js';
import { MailPreferencesForm } from '../../features/mail/components/mail-preferences-form.js';

/** /profile: one's account, and what one keeps up to date oneself (a doctor's profile, a patient's medical profile). */
export function ProfilePage() {
  useDocumentTitle('My profile');
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <>
      <PageHeader title="My profile" description={`${personName(me, me.role)} · ${roleLabels[me.role]}`} />
      <div className="grid gap-8 lg:grid-cols-[1fr_2fr]">
        <div className="space-y-8">
          <Section title="Account">
            <Card className="space-y-5">
              <DetailList
                items={[
                  { label: 'Name', value: personName(me, me.role) },
                  { label: 'Email', value: me.email },
                  { label: 'Role', value: roleLabels[me.role] },
                  { label: 'Hospital', value: me.hospitalName ?? 'All hospitals' },
                  { label: 'Two-factor sign-in', value: me.twoFactorEnabled ? 'On' : 'Off' },
                ]}
              />
              <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-4">
                <ButtonLink to="/change-password" variant="secondary">
                  Change password
                </ButtonLink>
                <ButtonLink to="/two-factor" variant="secondary">
                  {me.twoFactorEnabled ? 'Manage two-factor sign-in' : 'Set up two-factor sign-in'}
                </ButtonLink>
                <Button
                  variant="secondary"
                  pending={signOut.isPending}
                  onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
                >
                  Sign out
                </Button>
              </div>
            </Card>
          </Section>
          <MailSection me={me} />
        </div>
        <OwnRecord me={me} />
      </div>
    </>
  );
}

function MailSection({ me }: { me: Me }) {
  const config = useMailConfig();
  const prefs = useMailPreferences();
  return (
    <Section title="Email notifications" description="Mails name the visit and link to it; they never hold medical details.">
      <Card>
        {config.data?.delivery === 'off' && (
          <Alert tone="warning" className="mb-4">
            This installation does not send email yet, so these choices take effect once it does.
          </Alert>
        )}
        {prefs.isPending ? (
          <SkeletonRows rows={4} label="Loading your email choices…" />
        ) : prefs.isError ? (
          <QueryError error={prefs.error} title="Could not load your email choices" onRetry={() => void prefs.refetch()} />
        ) : (
          <MailPreferencesForm prefs={prefs.data} role={me.role} hasHospital={me.hospitalId !== null} />
        )}
      </Card>
    </Section>
  );
}

function OwnRecord({ me }: { me: Me }) {
  if (me.role === 'doctor') return <OwnDoctorRecord id={me.id} />;
  if (me.role === 'patient') return <OwnPatientRecord id={me.id} />;
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

function OwnDoctorRecord({ id }: { id: string }) {
  const doctor = useQuery(doctorQuery(id));
  return (
    <Section title="Doctor profile" description="Your specialization and licence are managed by your hospital’s administrator.">
      <Card>
        <QueryState query={doctor} rows={4} loading="Loading your profile…" errorTitle="Could not load your profile">
          {(d) =>
            isFullDoctor(d) ? (
              <DoctorEditForm doctor={d} own />
            ) : (
              <Alert tone="warning">Your full profile could not be loaded (the server sent the public view). Reload the page, or ask your administrator.</Alert>
            )
          }
        </QueryState>
      </Card>
    </Section>
  );
}

function OwnPatientRecord({ id }: { id: string }) {
  const patient = useQuery(patientQuery(id));
  return (
    <Section title="Medical profile" description="Your doctors see this before a visit. Only you and your hospital’s staff can see it.">
      <Card>
        <QueryState query={patient} rows={5} loading="Loading your medical profile…" errorTitle="Could not load your medical profile">
          {(p) => <PatientEditForm patient={p} own />}
        </QueryState>
      </Card>
    </Section>
  );
}
