import { useSearchParams } from 'react-router';
import type { Notification } from '../../../contracts/notifications.js';
import { errorMessage } from '../../lib/api-client.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useListState } from '../../lib/use-list-state.js';
import { Alert } from '../../lib/ui/alert.js';
import { Button, ButtonLink } from '../../lib/ui/button.js';
import { cx } from '../../lib/ui/cx.js';
import { EmptyState } from '../../lib/ui/empty-state.js';
import { QueryList } from '../../lib/ui/query-state.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { useMarkAllRead, useMarkRead, useNotifications } from '../../features/notifications/api/use-notifications.js';
import { NotificationItem } from '../../features/notifications/components/notification-item.js';

const LIMIT = 20;

export function NotificationsPage() {
  useDocumentTitle('Notifications');
  const [params] = useSearchParams();
  const { offset, setOffset } = useListState();
  const onlyUnread = params.get('show') === 'unread';
  const notifications = useNotifications({ unread: onlyUnread, limit: LIMIT, offset });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = notifications.data?.unread ?? 0;
  const onOpen = (n: Notification) => {
    if (n.readAt === null) markRead.mutate(n.id);
  };

  const filterLink = (value: 'all' | 'unread', label: string) => {
    const active = (value === 'unread') === onlyUnread;
    return (
      <ButtonLink
        to={{ search: value === 'unread' ? '?show=unread' : '' }}
        variant={active ? 'primary' : 'ghost'}
        size="sm"
        aria-current={active ? 'page' : undefined}
        className={cx('rounded-full', !active && 'text-slate-800')}
      >
        {label}
      </ButtonLink>
    );
  };

  const empty = (
    <EmptyState title={onlyUnread ? 'Nothing unread' : 'No notifications yet'}>
      News about your appointments (requests, answers, new times, cancellations) appears here.
    </EmptyState>
  );

  return (
    <>
      <PageHeader
        title="Notifications"
        description={notifications.data ? `${unread} unread` : undefined}
        actions={
          unread > 0 && (
            <Button variant="secondary" pending={markAll.isPending} onClick={() => markAll.mutate()}>
              Mark all as read
            </Button>
          )
        }
      />
      <div className="space-y-4">
        <nav aria-label="Which notifications" className="flex gap-2">
          {filterLink('all', 'All')}
          {filterLink('unread', 'Unread')}
        </nav>
        {(markAll.isError || markRead.isError) && <Alert tone="error">{errorMessage(markAll.error ?? markRead.error)}</Alert>}
        <QueryList query={notifications} noun="notifications" pages={{ offset, limit: LIMIT, onChange: setOffset }} empty={empty}>
          {(items) => (
            <ul className="space-y-2 rounded-xl border border-slate-200 bg-white p-2 shadow-sm">
              {items.map((n) => (
                <li key={n.id}>
                  <NotificationItem
                    notification={n}
                    onOpen={onOpen}
                    action={
                      n.readAt === null && (
                        <Button variant="ghost" size="sm" onClick={() => markRead.mutate(n.id)} aria-label={`Mark as read: ${n.title}`}>
                          Mark as read
                        </Button>
                      )
                    }
                  />
                </li>
              ))}
            </ul>
          )}
        </QueryList>
      </div>
    </>
  );
}
