import type { Me } from '../../../contracts/auth.js';
import { personName } from '../../../contracts/people.js';
import { roleLabels } from '../../entities/accounts/roles.js';
import { useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { DoctorDashboard } from '../../features/dashboard/components/doctor-dashboard.js';
import { HospitalAdminDashboard } from '../../features/dashboard/components/hospital-admin-dashboard.js';
import { PatientDashboard } from '../../features/dashboard/components/patient-dashboard.js';
import { SuperAdminDashboard } from '../../features/dashboard/components/super-admin-dashboard.js';

/**
 * Doctors by title and surname, others by first name; the super admin by full name, since that
 * account is often named for its role ("Platform Administrator") rather than for a person.
 */
function greetingName(me: Me) {
  return personName(me, me.role, { short: me.role !== 'super_admin' });
}

export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const me = useMe();
  const greeting = `Welcome, ${greetingName(me)}`;
  return (
    <>
      <PageHeader
        title={greeting}
        description={`${roleLabels[me.role]}${me.hospitalName ? ` · ${me.hospitalName}` : ''} · signed in as ${me.email}`}
      />
      {me.role === 'super_admin' && <SuperAdminDashboard />}
      {me.role === 'hospital_admin' && me.hospitalId && <HospitalAdminDashboard hospitalId={me.hospitalId} />}
      {me.role === 'doctor' && <DoctorDashboard doctorId={me.id} hospitalName={me.hospitalName} />}
      {me.role === 'patient' && <PatientDashboard patientId={me.id} hospitalName={me.hospitalName} />}
    </>
  );
}
