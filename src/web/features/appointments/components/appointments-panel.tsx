import { useSearchParams } from 'react-router';
import { AppointmentStatus } from '../../../../contracts/enums.js';
import { ACTIVE_STATUSES, FINISHED_STATUSES, appointmentStatus } from '../../../lib/appointment-status.js';
import { useMe } from '../../../lib/session.js';
import { useListState } from '../../../lib/use-list-state.js';
import { ButtonLink } from '../../../lib/ui/button.js';
import { cx } from '../../../lib/ui/cx.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { Pagination } from '../../../lib/ui/pagination.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SelectField } from '../../../lib/ui/select-field.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { useAppointments } from '../api/use-appointments.js';
import { dateRangeQuery, parseStatusFilter, tabQuery, viewerOf, type Tab } from '../utils/appointment-filters.js';
import { AppointmentList } from './appointment-list.js';

const LIMIT = 20;

/**
 * Appointments the viewer may see (their own, or their hospital's), Upcoming or Past, with
 * status and date filters for doctors and staff. Filters live in the URL.
 */
export function AppointmentsPanel({
  filters,
  hospitalId,
}: {
  filters: 'none' | 'status' | 'status-and-dates';
  /**
   * Only this hospital's (the super admin on a hospital's page). The API has no hospital
   * filter yet, so the latest page of everything visible is filtered here.
   */
  hospitalId?: string;
}) {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const { offset, setOffset } = useListState();
  const tab: Tab = params.get('tab') === 'past' ? 'past' : 'upcoming';
  const base = tabQuery(tab);
  const statusFilter = parseStatusFilter(params.get('status'));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const range = filters === 'status-and-dates' ? dateRangeQuery(from, to) : {};
  const appointments = useAppointments(
    { ...base, status: statusFilter || base.status, ...range, limit: hospitalId ? 200 : LIMIT, offset: hospitalId ? 0 : offset },
    { refetchInterval: 30_000 },
  );
  const items = appointments.data?.items.filter((a) => !hospitalId || a.hospitalId === hospitalId) ?? [];
  const total = hospitalId ? items.length : (appointments.data?.total ?? 0);

  const setParam = (key: string, value: string) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        p.delete('offset');
        return p;
      },
      { replace: key !== 'tab' },
    );
  const tabStatuses: readonly AppointmentStatus[] = tab === 'upcoming' ? ACTIVE_STATUSES : FINISHED_STATUSES;
  const statusOptions = tabStatuses.map((s) => ({ value: s, label: appointmentStatus[s].label }));
  const filtered = Boolean(statusFilter || from || to);

  const tabLink = (value: Tab, label: string) => {
    const active = tab === value;
    const search = new URLSearchParams(value === 'past' ? { tab: 'past' } : {});
    return (
      <ButtonLink
        to={{ search: search.toString() }}
        variant={active ? 'primary' : 'ghost'}
        size="sm"
        aria-current={active ? 'page' : undefined}
        className={cx('rounded-full', !active && 'text-slate-800')}
      >
        {label}
      </ButtonLink>
    );
  };

  return (
    <div className="space-y-5">
      <nav aria-label="Appointment lists" className="flex gap-2">
        {tabLink('upcoming', 'Upcoming')}
        {tabLink('past', 'Past')}
      </nav>
      {filters !== 'none' && (
        <form role="search" aria-label="Filter appointments" onSubmit={(e) => e.preventDefault()} className="grid gap-4 sm:grid-cols-3">
          <SelectField
            label="Status"
            placeholder={tab === 'upcoming' ? 'All upcoming' : 'All past'}
            options={statusOptions}
            value={tabStatuses.includes(statusFilter as AppointmentStatus) ? statusFilter : ''}
            onChange={(e) => setParam('status', e.target.value)}
          />
          {filters === 'status-and-dates' && (
            <>
              <TextField label="From" type="date" value={from} max={to || undefined} onChange={(e) => setParam('from', e.target.value)} />
              <TextField label="To" type="date" value={to} min={from || undefined} onChange={(e) => setParam('to', e.target.value)} />
            </>
          )}
        </form>
      )}
      <p className="sr-only" aria-live="polite">
        {appointments.data && !appointments.isPlaceholderData ? `${total} ${total === 1 ? 'appointment' : 'appointments'}` : ''}
      </p>
      {appointments.isPending ? (
        <SkeletonRows label="Loading appointments…" />
      ) : appointments.isError ? (
        <QueryError error={appointments.error} title="Could not load appointments" onRetry={() => void appointments.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState title="No appointments match these filters">Try another status or dates, or clear the filters.</EmptyState>
        ) : tab === 'upcoming' ? (
          <EmptyState
            title="No upcoming appointments"
            action={me.role === 'patient' && <ButtonLink to="/find-doctor">Find a doctor</ButtonLink>}
          >
            {me.role === 'patient'
              ? 'Find a doctor and request a visit; it will be listed here.'
              : me.role === 'doctor'
                ? 'When patients request visits with you, they will be listed here.'
                : 'Appointments of your hospital’s doctors will be listed here.'}
          </EmptyState>
        ) : (
          <EmptyState title="No past appointments">Completed, rejected and cancelled appointments will be listed here.</EmptyState>
        )
      ) : (
        <>
          <AppointmentList appointments={items} viewerOf={(a) => viewerOf(me, a)} />
          {!hospitalId && <Pagination label="Appointment pages" offset={offset} limit={LIMIT} total={total} onChange={setOffset} />}
        </>
      )}
    </div>
  );
}
