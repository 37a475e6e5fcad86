import { useState } from 'react';
import { Link } from 'react-router';
import type { Patient } from '../../../../contracts/patients.js';
import { useListState } from '../../../lib/use-list-state.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { Pagination } from '../../../lib/ui/pagination.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { useCreatePatient } from '../api/use-create-patient.js';
import { PatientCreateForm } from './patient-create-form.js';
import { PatientList } from './patient-list.js';
import { personName } from '../../../../contracts/people.js';
import { useQuery } from '@tanstack/react-query';
import { patientListQuery } from '../../../entities/patients/patient-api.js';

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
  const create = useCreatePatient(hospitalId);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Patient | null>(null);

  const add = () => {
    setCreated(null);
    setCreating(true);
  };

  return (
    <Section
      title={title}
      description={patients.data ? `${patients.data.total} ${search.value ? 'matching' : 'in total'}` : undefined}
      actions={!creating && <Button onClick={add}><span aria-hidden="true">+</span> Add patient</Button>}
    >
      {created && (
        <Alert tone="success" title="Patient added">
          <Link to={`/patients/${created.id}`} className="font-semibold underline">
            {personName(created)}
          </Link>{' '}
          can sign in with the temporary password and will be asked to choose a new one.
        </Alert>
      )}
      {creating && (
        <Card>
          <h3 className="mb-4 font-semibold">New patient</h3>
          <PatientCreateForm
            create={(body) => create.mutateAsync(body)}
            onCancel={() => setCreating(false)}
            onCreated={(patient) => {
              setCreating(false);
              setCreated(patient);
            }}
          />
        </Card>
      )}
      <form role="search" aria-label={`Filter ${title.toLowerCase()}`} onSubmit={(e) => e.preventDefault()} className="max-w-md">
        <TextField
          label="Search patients"
          type="search"
          placeholder="Name, email or phone"
          value={search.input}
          onChange={(e) => search.setInput(e.target.value)}
        />
      </form>
      {patients.isPending ? (
        <SkeletonRows label="Loading patients…" />
      ) : patients.isError ? (
        <QueryError error={patients.error} title="Could not load patients" onRetry={() => void patients.refetch()} />
      ) : patients.data.items.length === 0 ? (
        search.value ? (
          <EmptyState title={`No patients match “${search.value}”`}>Try a shorter or different search.</EmptyState>
        ) : (
          <EmptyState title="No patients yet" action={!creating && <Button onClick={add}>Add a patient</Button>}>
            Patients can sign up themselves by choosing this hospital, or you can add them here.
          </EmptyState>
        )
      ) : (
        <>
          <PatientList patients={patients.data.items} />
          <Pagination label="Patient pages" offset={offset} limit={LIMIT} total={patients.data.total} onChange={setOffset} />
        </>
      )}
    </Section>
  );
}
