import { useState } from 'react';
import { Link } from 'react-router';
import type { DoctorView } from '../../../../contracts/doctors.js';
import { useListState, useUrlText } from '../../../lib/use-list-state.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { Pagination } from '../../../lib/ui/pagination.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { DoctorCreateForm } from './doctor-create-form.js';
import { DoctorList } from './doctor-list.js';
import { doctorName } from '../../../../contracts/people.js';
import { useQuery } from '@tanstack/react-query';
import { doctorListQuery } from '../../../entities/doctors/doctor-api.js';

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
  const doctors = useQuery(
    doctorListQuery(hospitalId, {
      q: search.value || undefined,
      specialization: specialization.value || undefined,
      limit: LIMIT,
      offset,
    }),
  );
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<DoctorView | null>(null);
  const filtered = Boolean(search.value || specialization.value);

  const add = () => {
    setCreated(null);
    setCreating(true);
  };

  return (
    <Section
      title={title}
      description={doctors.data ? `${doctors.data.total} ${filtered ? 'matching' : 'in total'}` : undefined}
      actions={!creating && <Button onClick={add}><span aria-hidden="true">+</span> Add doctor</Button>}
    >
      {created && (
        <Alert tone="success" title="Doctor added">
          <Link to={`/doctors/${created.id}`} className="font-semibold underline">
            {doctorName(created)}
          </Link>{' '}
          can sign in with the temporary password and will be asked to choose a new one.
        </Alert>
      )}
      {creating && (
        <Card>
          <h3 className="mb-4 font-semibold">New doctor</h3>
          <DoctorCreateForm
            hospitalId={hospitalId}
            onCancel={() => setCreating(false)}
            onCreated={(doctor) => {
              setCreating(false);
              setCreated(doctor);
            }}
          />
        </Card>
      )}
      <form role="search" aria-label={`Filter ${title.toLowerCase()}`} onSubmit={(e) => e.preventDefault()} className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Search doctors"
          type="search"
          placeholder="Name, email or licence"
          value={search.input}
          onChange={(e) => search.setInput(e.target.value)}
        />
        <TextField
          label="Specialization"
          type="search"
          placeholder="e.g. Cardiology"
          value={specialization.input}
          onChange={(e) => specialization.setInput(e.target.value)}
        />
      </form>
      {doctors.isPending ? (
        <SkeletonRows label="Loading doctors…" />
      ) : doctors.isError ? (
        <QueryError error={doctors.error} title="Could not load doctors" onRetry={() => void doctors.refetch()} />
      ) : doctors.data.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No doctors match these filters">Try a different name or specialization, or clear the filters.</EmptyState>
        ) : (
          <EmptyState title="No doctors yet" action={!creating && <Button onClick={add}>Add the first doctor</Button>}>
            Add doctors so patients can book visits with them.
          </EmptyState>
        )
      ) : (
        <>
          <DoctorList doctors={doctors.data.items} />
          <Pagination label="Doctor pages" offset={offset} limit={LIMIT} total={doctors.data.total} onChange={setOffset} />
        </>
      )}
    </Section>
  );
}
