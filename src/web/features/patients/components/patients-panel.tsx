import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Patient } from '../../../../contracts/patients.js';
import { personName } from '../../../../contracts/people.js';
import { AccountCreated } from '../../../entities/accounts/account-created.js';
import { patientListQuery } from '../../../entities/patients/patient-api.js';
import { useListState } from '../../../lib/use-list-state.js';
import { Button } from '../../../lib/ui/button.js';
import { Section } from '../../../lib/ui/card.js';
import { CreateCard, useCreateFlow } from '../../../lib/ui/create-flow.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { QueryList } from '../../../lib/ui/query-state.js';
import { SearchField, SearchForm } from '../../../lib/ui/search-form.js';
import { PatientCreateForm } from './patient-create-form.js';
import { PatientList } from './patient-list.js';

const LIMIT = 20;

/** A hospital's patients: search, page, and add one. */
export function PatientsPanel({
  hospitalId,
  title = 'Patients',
  urlPrefix = '',
}: {
  hospitalId: string;
  title?: string;
  urlPrefix?: string;
}) {
  const { search, offset, setOffset } = useListState(urlPrefix);
  const patients = useQuery(patientListQuery(hospitalId, { q: search.value || undefined, limit: LIMIT, offset }));
  const flow = useCreateFlow<Patient>();

  const empty = search.value ? (
    <EmptyState title={`No patients match “${search.value}”`}>Try a shorter or different search.</EmptyState>
  ) : (
    <EmptyState title="No patients yet" action={!flow.creating && <Button onClick={flow.open}>Add a patient</Button>}>
      Patients can sign up themselves by choosing this hospital, or you can add them here.
    </EmptyState>
  );

  return (
    <Section
      title={title}
      description={patients.data ? `${patients.data.total} ${search.value ? 'matching' : 'in total'}` : undefined}
      actions={!flow.creating && <Button onClick={flow.open}><span aria-hidden="true">+</span> Add patient</Button>}
    >
      {flow.created && (
        <AccountCreated
          title="Patient added"
          account={flow.created}
          who={<Link to={`/patients/${flow.created.id}`} className="font-semibold underline">{personName(flow.created)}</Link>}
        />
      )}
      {flow.creating && (
        <CreateCard title="New patient">
          <PatientCreateForm hospitalId={hospitalId} onCancel={flow.cancel} onCreated={flow.done} />
        </CreateCard>
      )}
      <SearchForm label={`Filter ${title.toLowerCase()}`} className="max-w-md">
        <SearchField label="Search patients" placeholder="Name, email or phone" filter={search} />
      </SearchForm>
      <QueryList query={patients} noun="patients" pages={{ offset, limit: LIMIT, onChange: setOffset }} empty={empty}>
        {(items) => <PatientList patients={items} />}
      </QueryList>
    </Section>
  );
}
