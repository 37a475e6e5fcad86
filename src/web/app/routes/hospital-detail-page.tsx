import { useParams } from 'react-router';
import { DoctorsPanel } from '../../features/doctors/components/doctors-panel.js';
import { HospitalDetail } from '../../features/hospitals/pages/hospital-detail.js';
import { PatientsPanel } from '../../features/patients/components/patients-panel.js';

/**
 * /hospitals/:hospitalId composes three features: the hospital itself (with its admins),
 * its doctors and its patients. Features do not import each other; the app puts them together.
 */
export function HospitalDetailPage() {
  const { hospitalId = '' } = useParams();
  return (
    <HospitalDetail
      key={hospitalId}
      hospitalId={hospitalId}
      sections={(hospital) => (
        <>
          <DoctorsPanel hospitalId={hospital.id} urlPrefix="d_" />
          <PatientsPanel hospitalId={hospital.id} urlPrefix="p_" />
        </>
      )}
    />
  );
}
