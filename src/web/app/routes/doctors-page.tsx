import { useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { DoctorsPanel } from '../../features/doctors/components/doctors-panel.js';

/** The hospital admin's doctors (their own hospital). */
export function DoctorsPage() {
  useDocumentTitle('Doctors');
  const me = useMe();
  return (
    <>
      <PageHeader title="Doctors" description={me.hospitalName ? `Doctors at ${me.hospitalName}.` : undefined} />
      {me.hospitalId && <DoctorsPanel hospitalId={me.hospitalId} title="All doctors" />}
    </>
  );
}
