import { useListState, useUrlText } from '../../lib/use-list-state.js';
import { useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { EmptyState } from '../../lib/ui/empty-state.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { Pagination } from '../../lib/ui/pagination.js';
import { QueryError } from '../../lib/ui/query-error.js';
import { SkeletonRows } from '../../lib/ui/spinner.js';
import { TextField } from '../../lib/ui/text-field.js';
import { useAuditEvents } from '../../features/audit/api/use-audit-events.js';
import { AuditTable } from '../../features/audit/components/audit-table.js';

const LIMIT = 25;

export function AuditPage() {
  useDocumentTitle('Audit log');
  const me = useMe();
  const { offset, setOffset, offsetKey } = useListState();
  const action = useUrlText('action', offsetKey);
  const events = useAuditEvents({ action: action.value || undefined, limit: LIMIT, offset });

  return (
    <>
      <PageHeader
        title="Audit log"
        description={
          me.role === 'super_admin'
            ? 'Who did what, across all hospitals. Newest first.'
            : `Who did what at ${me.hospitalName ?? 'your hospital'}. Newest first.`
        }
      />
      <div className="space-y-4">
        <form role="search" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()} className="max-w-md">
          <TextField
            label="Action"
            hint="For example auth.login, user.created or hospital.updated."
            type="search"
            value={action.input}
            onChange={(e) => action.setInput(e.target.value)}
          />
        </form>
        {events.isPending ? (
          <SkeletonRows rows={5} label="Loading audit events…" />
        ) : events.isError ? (
          <QueryError error={events.error} title="Could not load the audit log" onRetry={() => void events.refetch()} />
        ) : events.data.items.length === 0 ? (
          <EmptyState title={action.value ? `No “${action.value}” events` : 'No events yet'}>
            {action.value ? 'Check the action name, or clear the filter.' : 'Sign-ins and changes will be listed here as they happen.'}
          </EmptyState>
        ) : (
          <>
            <AuditTable events={events.data.items} caption="Audit events" />
            <Pagination label="Audit log pages" offset={offset} limit={LIMIT} total={events.data.total} onChange={setOffset} />
          </>
        )}
      </div>
    </>
  );
}
