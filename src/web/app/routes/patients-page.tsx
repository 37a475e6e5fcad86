import { useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { PatientsPanel } from '../../features/patients/components/patients-panel.js';

/** The hospital admin's patients (their own hospital). */
export function PatientsPage() {
  useDocumentTitle('Patients');
  const me = useMe();
  return (
    <>
      <PageHeader title="Patients" description={me.hospitalName ? `Patients of ${me.hospitalName}.` : undefined} />
      {me.hospitalId && <PatientsPanel hospitalId={me.hospitalId} title="All patients" />}
    </>
  );
}
