import { useParams } from 'react-router';
import { ApiError } from '../../lib/api-client.js';
import { useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { ButtonLink } from '../../lib/ui/button.js';
import { EmptyState } from '../../lib/ui/empty-state.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { QueryError } from '../../lib/ui/query-error.js';
import { Loading } from '../../lib/ui/spinner.js';
import { AvailabilityEditor } from '../../features/availability/components/availability-editor.js';
import { doctorName } from '../../../contracts/people.js';
import { useQuery } from '@tanstack/react-query';
import { availabilityQuery } from '../../entities/availability/availability-api.js';
import { doctorQuery } from '../../entities/doctors/doctor-api.js';

/**
 * /availability (a doctor's own hours) and /doctors/:doctorId/availability (an admin edits a
 * doctor's hours).
 */
export function AvailabilityPage() {
  const me = useMe();
  const params = useParams();
  const own = me.role === 'doctor';
  const doctorId = own ? me.id : (params.doctorId ?? '');
  const owner = useQuery(doctorQuery(doctorId));
  const availability = useQuery(availabilityQuery(doctorId));
  const who = own ? null : owner.data ? doctorName(owner.data) : 'the doctor';
  useDocumentTitle(own ? 'Availability' : `Availability of ${who}`);
  const back = own ? undefined : { to: `/doctors/${doctorId}`, label: `Back to ${who}` };
  const title = own ? 'Availability' : `Availability of ${who}`;
  const description = own
    ? 'When patients can book you. Changes apply to new requests; booked visits stay as they are.'
    : 'When patients can book this doctor. Changes apply to new requests; booked visits stay as they are.';

  if (availability.isPending) return <Loading label="Loading the hours…" />;
  if (availability.isError) {
    const missing = availability.error instanceof ApiError && availability.error.status === 404;
    return (
      <>
        <PageHeader title={missing ? 'Doctor not found' : title} back={back} />
        {missing ? (
          <EmptyState title="This doctor does not exist or is not in your hospital" action={<ButtonLink to="/doctors">All doctors</ButtonLink>} />
        ) : (
          <QueryError error={availability.error} title="Could not load the hours" onRetry={() => void availability.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} back={back} description={description} />
      <AvailabilityEditor key={doctorId} doctorId={doctorId} view={availability.data} />
    </>
  );
}
