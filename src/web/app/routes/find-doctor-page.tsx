import { useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useListState, useUrlText } from '../../lib/use-list-state.js';
import { EmptyState } from '../../lib/ui/empty-state.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { QueryList } from '../../lib/ui/query-state.js';
import { SearchField, SearchForm } from '../../lib/ui/search-form.js';
import { SelectField } from '../../lib/ui/select-field.js';
import { useQuery } from '@tanstack/react-query';
import { DoctorCard } from '../../features/appointments/components/doctor-card.js';
import { doctorListQuery, specializationsQuery } from '../../entities/doctors/doctor-api.js';

const LIMIT = 12;

/** A patient looks for a doctor of their hospital: by specialization and by name. */
export function FindDoctorPage() {
  useDocumentTitle('Find a doctor');
  const me = useMe();
  const hospitalId = me.hospitalId ?? '';
  const { search, offset, setOffset, offsetKey } = useListState();
  const specialization = useUrlText('specialization', offsetKey);
  const specializations = useQuery(specializationsQuery(hospitalId));
  const doctors = useQuery(
    doctorListQuery(hospitalId, {
      q: search.value || undefined,
      specialization: specialization.value || undefined,
      limit: LIMIT,
      offset,
    }),
  );
  const filtered = Boolean(search.value || specialization.value);
  const options = (specializations.data?.items ?? []).map((s) => ({ value: s, label: s }));
  if (specialization.value && !options.some((o) => o.value === specialization.value)) {
    options.push({ value: specialization.value, label: specialization.value });
  }

  const empty = filtered ? (
    <EmptyState title="No doctors match">Try another name or specialization, or clear the filters.</EmptyState>
  ) : (
    <EmptyState title="No doctors yet">Your hospital has not added doctors yet. Check again later.</EmptyState>
  );

  return (
    <>
      <PageHeader
        title="Find a doctor"
        description={`Doctors at ${me.hospitalName ?? 'your hospital'}. Choose one to see their free times and request a visit.`}
      />
      <div className="space-y-6">
        <SearchForm label="Find doctors" className="grid gap-4 sm:grid-cols-2">
          <SearchField label="Search by name" placeholder="e.g. Adhikari" filter={search} />
          <SelectField
            label="Specialization"
            placeholder="All specializations"
            options={options}
            value={specialization.input}
            onChange={(e) => specialization.setInput(e.target.value)}
          />
        </SearchForm>
        <p className="sr-only" aria-live="polite">
          {doctors.data && !doctors.isPlaceholderData ? `${doctors.data.total} ${doctors.data.total === 1 ? 'doctor' : 'doctors'} found` : ''}
        </p>
        <QueryList query={doctors} noun="doctors" rows={4} pages={{ offset, limit: LIMIT, onChange: setOffset }} empty={empty}>
          {(items) => (
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {items.map((d) => (
                <DoctorCard key={d.id} doctor={d} />
              ))}
            </ul>
          )}
        </QueryList>
      </div>
    </>
  );
}
