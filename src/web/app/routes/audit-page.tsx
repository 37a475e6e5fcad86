import { useListState, useUrlText } from '../../lib/use-list-state.js';
import { useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { EmptyState } from '../../lib/ui/empty-state.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { QueryList } from '../../lib/ui/query-state.js';
import { SearchField, SearchForm } from '../../lib/ui/search-form.js';
import { useAuditEvents } from '../../features/audit/api/use-audit-events.js';
import { AuditTable } from '../../features/audit/components/audit-table.js';

const LIMIT = 25;

export function AuditPage() {
  useDocumentTitle('Audit log');
  const me = useMe();
  const { offset, setOffset, offsetKey } = useListState();
  const action = useUrlText('action', offsetKey);
  const events = useAuditEvents({ action: action.value || undefined, limit: LIMIT, offset });

  const empty = (
    <EmptyState title={action.value ? `No “${action.value}” events` : 'No events yet'}>
      {action.value ? 'Check the action name, or clear the filter.' : 'Sign-ins and changes will be listed here as they happen.'}
    </EmptyState>
  );

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
        <SearchForm label="Filter the audit log" className="max-w-md">
          <SearchField label="Action" hint="For example auth.login, user.created or hospital.updated." filter={action} />
        </SearchForm>
        <QueryList query={events} noun="audit events" rows={5} pages={{ offset, limit: LIMIT, onChange: setOffset }} empty={empty}>
          {(items) => <AuditTable events={items} caption="Audit events" />}
        </QueryList>
      </div>
    </>
  );
}
