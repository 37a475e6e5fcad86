import { Link } from 'react-router';
import { NOTIFICATION_PANEL, type Notification } from '../../../../contracts/notifications.js';
import { errorMessage } from '../../../lib/api-client.js';
import { Button } from '../../../lib/ui/button.js';
import { Loading } from '../../../lib/ui/spinner.js';
import { usePopover } from '../../../lib/use-popover.js';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/use-notifications.js';
import { NotificationItem } from './notification-item.js';

/** The header's bell: unread count, and the latest notifications in a panel. */
export function NotificationBell() {
  const popover = usePopover();
  const notifications = useNotifications(NOTIFICATION_PANEL);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const unread = notifications.data?.unread ?? 0;
  const onOpen = (n: Notification) => {
    if (n.readAt === null) markRead.mutate(n.id);
  };
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';

  return (
    <div className="relative">
      <button
        {...popover.button}
        className="relative flex size-11 items-center justify-center rounded-full text-slate-800 hover:bg-slate-100"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        <span className="sr-only">{label}</span>
        {unread > 0 && (
          <span aria-hidden="true" className="absolute top-0.5 right-0.5 flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1 text-xs font-bold text-white">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {popover.open && (
        <div
          {...popover.panel}
          role="region"
          aria-label="Notifications"
          className="absolute right-0 z-40 mt-2 w-96 max-w-[calc(100vw-1.5rem)] rounded-xl border border-slate-200 bg-white p-2 shadow-lg max-sm:fixed max-sm:inset-x-3 max-sm:top-16 max-sm:w-auto"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-2 pt-1 pb-2">
            <h2 className="font-semibold text-slate-900">Notifications</h2>
            {unread > 0 && (
              <Button variant="ghost" size="sm" pending={markAll.isPending} onClick={() => markAll.mutate()}>
                Mark all as read
              </Button>
            )}
          </div>
          {markAll.isError && <p role="alert" className="px-2 py-1 text-sm text-red-700">{errorMessage(markAll.error)}</p>}
          <div className="max-h-[min(28rem,calc(100dvh-10rem))] overflow-y-auto py-1">
            {notifications.isPending ? (
              <Loading label="Loading notifications…" className="px-2 py-4" />
            ) : notifications.isError ? (
              <p role="alert" className="px-2 py-4 text-sm text-red-700">{errorMessage(notifications.error)}</p>
            ) : notifications.data.items.length === 0 ? (
              <p className="px-2 py-6 text-center text-sm text-slate-700">No notifications yet.</p>
            ) : (
              <ul className="space-y-1">
                {notifications.data.items.map((n) => (
                  <li key={n.id}>
                    <NotificationItem notification={n} onOpen={onOpen} />
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="border-t border-slate-200 px-2 pt-2">
            <Link to="/notifications" className="block rounded-md px-1 py-2 text-sm font-medium text-brand-800 underline-offset-2 hover:underline">
              See all notifications
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
