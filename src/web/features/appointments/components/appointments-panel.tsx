import { useSearchParams } from 'react-router';
import type { AppointmentStatus } from '../../../../contracts/enums.js';
import { appointmentStatus } from '../../../entities/appointments/appointment-status.js';
import { dateRangeQuery } from '../../../lib/datetime.js';
import { useMe } from '../../../lib/session.js';
import { useUnreadByAppointment } from '../../../entities/chat/use-chat-unread.js';
import { useListState } from '../../../lib/use-list-state.js';
import { ButtonLink } from '../../../lib/ui/button.js';
import { cx } from '../../../lib/ui/cx.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { QueryList } from '../../../lib/ui/query-state.js';
import { SelectField } from '../../../lib/ui/select-field.js';
import { TextField } from '../../../lib/ui/text-field.js';
import {
  listViewer,
  parseStatusFilter,
  parseTab,
  TAB_LABELS,
  TABS,
  tabQuery,
  tabStatuses,
  viewerOf,
  type Tab,
} from '../utils/appointment-filters.js';
import { AppointmentList } from './appointment-list.js';
import { TabEmptyState, tabDescription } from './tab-empty-state.js';
import { useQuery } from '@tanstack/react-query';
import { appointmentListQuery } from '../../../entities/appointments/appointment-api.js';

const LIMIT = 20;

/**
 * Appointments the viewer may see (their own, or their hospital's) in four lists: needs action,
 * upcoming, past and cancelled, split from the viewer's side; with status and date filters for
 * doctors and staff. The list and filters live in the URL; without a list named there, the page
 * opens on "Needs action" when something waits for the viewer, else on "Upcoming".
 */
export function AppointmentsPanel({
  filters,
  hospitalId,
}: {
  filters: 'none' | 'status' | 'status-and-dates';
  /** Only this hospital's (the super admin on a hospital's page). */
  hospitalId?: string;
}) {
  const me = useMe();
  const viewer = listViewer(me.role);
  const [params, setParams] = useSearchParams();
  const { offset, setOffset } = useListState();
  const chosenTab = parseTab(params.get('tab'));
  const waiting = useQuery({ ...appointmentListQuery({ ...tabQuery('needs-action', viewer), hospitalId, limit: 1, offset: 0 }), refetchInterval: 30_000 });
  const waitingCount = waiting.data?.total;
  const tab: Tab | null = chosenTab ?? (waitingCount === undefined ? (waiting.isError ? 'upcoming' : null) : waitingCount > 0 ? 'needs-action' : 'upcoming');
  const base = tabQuery(tab ?? 'upcoming', viewer);
  const statuses = tabStatuses(tab ?? 'upcoming', viewer);
  const statusFilter = parseStatusFilter(params.get('status'));
  const shownFilter = statuses.includes(statusFilter as AppointmentStatus) ? statusFilter : '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const range = filters === 'status-and-dates' ? dateRangeQuery(from, to) : {};
  const appointments = useQuery({
    ...appointmentListQuery({ ...base, status: shownFilter || base.status, ...range, hospitalId, limit: LIMIT, offset }),
    refetchInterval: 30_000,
    enabled: tab !== null,
  });
  const unread = useUnreadByAppointment(me.role === 'patient' || me.role === 'doctor');
  const total = appointments.data?.total ?? 0;

  const setParam = (key: string, value: string) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        p.delete('offset');
        return p;
      },
      { replace: true },
    );
  const statusOptions = statuses.map((s) => ({ value: s, label: appointmentStatus[s].label }));
  const filtered = Boolean(shownFilter || from || to);

  const tabLink = (value: Tab) => {
    const active = tab === value;
    const count = value === 'needs-action' && waitingCount ? waitingCount : null;
    return (
      <li key={value}>
        <ButtonLink
          to={{ search: new URLSearchParams({ tab: value }).toString() }}
          variant={active ? 'primary' : 'ghost'}
          size="sm"
          aria-current={active ? 'page' : undefined}
          aria-label={count !== null ? `${TAB_LABELS[value]}, ${count}` : undefined}
          className={cx('rounded-full', !active && 'text-slate-800')}
        >
          {TAB_LABELS[value]}
          {count !== null && (
            <span aria-hidden="true" className={cx('rounded-full px-1.5 text-xs font-bold', active ? 'bg-white text-brand-900' : 'bg-amber-200 text-amber-950')}>
              {count}
            </span>
          )}
        </ButtonLink>
      </li>
    );
  };

  const empty = filtered ? (
    <EmptyState title="No appointments match these filters">Try another status or dates, or clear the filters.</EmptyState>
  ) : (
    <TabEmptyState tab={tab ?? 'upcoming'} viewer={viewer} />
  );

  return (
    <div className="space-y-5">
      <nav aria-label="Appointment lists">
        <ul className="flex flex-wrap gap-2">{TABS.map(tabLink)}</ul>
      </nav>
      {tab && <p className="text-sm text-slate-700">{tabDescription(tab, viewer)}</p>}
      {filters !== 'none' && tab && (
        <form role="search" aria-label="Filter appointments" onSubmit={(e) => e.preventDefault()} className="grid gap-4 sm:grid-cols-3">
          <SelectField
            label="Status"
            placeholder={`All of “${TAB_LABELS[tab]}”`}
            options={statusOptions}
            value={shownFilter}
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
      {/* No tab yet (the count that chooses it is loading): the list's query waits, pending. */}
      <QueryList query={appointments} noun="appointments" pages={{ offset, limit: LIMIT, onChange: setOffset }} empty={empty}>
        {(items) => (
          <div aria-busy={appointments.isPlaceholderData || undefined} className={cx(appointments.isPlaceholderData && 'opacity-60')}>
            <AppointmentList appointments={items} viewerOf={(a) => viewerOf(me, a)} unread={unread} />
          </div>
        )}
      </QueryList>
    </div>
  );
}
