import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useListState } from '../../lib/use-list-state.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { Button } from '../../lib/ui/button.js';
import { Card, Section } from '../../lib/ui/card.js';
import { EmptyState } from '../../lib/ui/empty-state.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { QueryList } from '../../lib/ui/query-state.js';
import { SearchField, SearchForm } from '../../lib/ui/search-form.js';
import { useCreateHospital } from '../../features/hospitals/api/use-hospital.js';
import { HospitalForm } from '../../features/hospitals/components/hospital-form.js';
import { HospitalList } from '../../features/hospitals/components/hospital-list.js';
import { useQuery } from '@tanstack/react-query';
import { hospitalListQuery } from '../../entities/hospitals/hospital-api.js';

const LIMIT = 20;

export function HospitalsPage() {
  useDocumentTitle('Hospitals');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(params.get('new') === '1');
  const { search, offset, setOffset } = useListState();
  const q = search.value;
  const hospitals = useQuery(hospitalListQuery({ q: q || undefined, limit: LIMIT, offset }));
  const create = useCreateHospital();

  const empty = q ? (
    <EmptyState title={`No hospitals match “${q}”`}>Try a shorter or different search.</EmptyState>
  ) : (
    <EmptyState title="No hospitals yet" action={!creating && <Button onClick={() => setCreating(true)}>Add the first hospital</Button>}>
      Add a hospital, then give it an administrator who can add its doctors and patients.
    </EmptyState>
  );

  return (
    <>
      <PageHeader
        title="Hospitals"
        description="Every hospital on the platform, with its doctors and patients."
        actions={
          !creating && (
            <Button onClick={() => setCreating(true)}>
              <span aria-hidden="true">+</span> Add hospital
            </Button>
          )
        }
      />
      {creating && (
        <Card className="mb-8">
          <h2 className="mb-4 text-lg font-semibold">New hospital</h2>
          <HospitalForm
            label="New hospital"
            submitLabel="Create hospital"
            onCancel={() => setCreating(false)}
            onSubmit={async (body) => {
              const hospital = await create.mutateAsync(body);
              void navigate(`/hospitals/${hospital.id}`, { state: { created: true } });
            }}
          />
        </Card>
      )}
      <Section title="All hospitals" description={hospitals.data ? `${hospitals.data.total} in total` : undefined}>
        <SearchForm className="max-w-md">
          <SearchField label="Search hospitals" placeholder="Name or address" filter={search} />
        </SearchForm>
        <QueryList query={hospitals} noun="hospitals" pages={{ offset, limit: LIMIT, onChange: setOffset }} empty={empty}>
          {(items) => <HospitalList hospitals={items} />}
        </QueryList>
      </Section>
    </>
  );
}
