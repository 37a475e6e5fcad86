import { useQuery } from '@tanstack/react-query';
import { isFullDoctor } from '../../../../contracts/doctors.js';
import { Link } from 'react-router';
import type { DoctorView } from '../../../../contracts/doctors.js';
import { doctorName } from '../../../../contracts/people.js';
import { AccountCreated } from '../../../entities/accounts/account-created.js';
import { doctorListQuery } from '../../../entities/doctors/doctor-api.js';
import { useListState, useUrlText } from '../../../lib/use-list-state.js';
import { Button } from '../../../lib/ui/button.js';
import { Section } from '../../../lib/ui/card.js';
import { CreateCard, useCreateFlow } from '../../../lib/ui/create-flow.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { QueryList } from '../../../lib/ui/query-state.js';
import { SearchField, SearchForm } from '../../../lib/ui/search-form.js';
import { DoctorCreateForm } from './doctor-create-form.js';
import { DoctorList } from './doctor-list.js';

const LIMIT = 20;

/** A hospital's doctors: search, filter by specialization, page, and add one. */
export function DoctorsPanel({
  hospitalId,
  title = 'Doctors',
  urlPrefix = '',
}: {
  hospitalId: string;
  title?: string;
  /** Keeps this list's search in the URL apart from another list on the same page. */
  urlPrefix?: string;
}) {
  const { search, offset, setOffset, offsetKey } = useListState(urlPrefix);
  const specialization = useUrlText(`${urlPrefix}specialization`, offsetKey);
  const filter = { q: search.value || undefined, specialization: specialization.value || undefined, limit: LIMIT, offset };
  const doctors = useQuery(doctorListQuery(hospitalId, filter));
  const flow = useCreateFlow<DoctorView>();
  const filtered = Boolean(search.value || specialization.value);

  const empty = filtered ? (
    <EmptyState title="No doctors match these filters">Try a different name or specialization, or clear the filters.</EmptyState>
  ) : (
    <EmptyState title="No doctors yet" action={!flow.creating && <Button onClick={flow.open}>Add the first doctor</Button>}>
      Add doctors so patients can book visits with them.
    </EmptyState>
  );

  return (
    <Section
      title={title}
      description={doctors.data ? `${doctors.data.total} ${filtered ? 'matching' : 'in total'}` : undefined}
      actions={!flow.creating && <Button onClick={flow.open}><span aria-hidden="true">+</span> Add doctor</Button>}
    >
      {flow.created && (
        <AccountCreated
          title="Doctor added"
          account={isFullDoctor(flow.created) ? flow.created : null}
          who={<Link to={`/doctors/${flow.created.id}`} className="font-semibold underline">{doctorName(flow.created)}</Link>}
        />
      )}
      {flow.creating && (
        <CreateCard title="New doctor">
          <DoctorCreateForm hospitalId={hospitalId} onCancel={flow.cancel} onCreated={flow.done} />
        </CreateCard>
      )}
      <SearchForm label={`Filter ${title.toLowerCase()}`} className="grid gap-4 sm:grid-cols-2">
        <SearchField label="Search doctors" placeholder="Name, email or licence" filter={search} />
        <SearchField label="Specialization" placeholder="e.g. Cardiology" filter={specialization} />
      </SearchForm>
      <QueryList query={doctors} noun="doctors" pages={{ offset, limit: LIMIT, onChange: setOffset }} empty={empty}>
        {(items) => <DoctorList doctors={items} />}
      </QueryList>
    </Section>
  );
}
