import { useParams } from 'react-router';
import { HospitalAppointments } from '../../features/appointments/components/hospital-appointments.js';
import { DoctorsPanel } from '../../features/doctors/components/doctors-panel.js';
import { HospitalDetail } from '../../features/hospitals/components/hospital-detail.js';
import { PatientsPanel } from '../../features/patients/components/patients-panel.js';
import { useMe } from '../../lib/session.js';

/**
 * /hospitals/:hospitalId composes features: the hospital itself (with its admins), its doctors,
 * its patients and, for the super admin (a hospital admin has the Appointments page), its
 * appointments. Features do not import each other; the app puts them together.
 */
export function HospitalDetailPage() {
  const { hospitalId = '' } = useParams();
  const me = useMe();
  return (
    <HospitalDetail
      key={hospitalId}
      hospitalId={hospitalId}
      sections={(hospital) => (
        <>
          <DoctorsPanel hospitalId={hospital.id} urlPrefix="d_" />
          <PatientsPanel hospitalId={hospital.id} urlPrefix="p_" />
          {me.role === 'super_admin' && <HospitalAppointments hospitalId={hospital.id} />}
        </>
      )}
    />
  );
}
