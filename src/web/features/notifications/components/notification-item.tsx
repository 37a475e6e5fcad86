import { Link } from 'react-router';
import type { Notification } from '../../../../contracts/notifications.js';
import { formatDateTimeIn } from '../../../lib/datetime.js';
import { cx } from '../../../lib/ui/cx.js';

/** One notification: title (a link to its appointment), message, when, and unread state. */
export function NotificationItem({
  notification: n,
  onOpen,
  action,
}: {
  notification: Notification;
  onOpen: (n: Notification) => void;
  action?: React.ReactNode;
}) {
  const unread = n.readAt === null;
  return (
    <div className={cx('flex gap-3 rounded-lg p-3', unread ? 'bg-brand-50' : 'bg-white')}>
      <span aria-hidden="true" className={cx('mt-1.5 size-2.5 shrink-0 rounded-full', unread ? 'bg-brand-700' : 'bg-transparent')} />
      <div className="min-w-0 flex-1 space-y-0.5">
        <p className={cx('text-sm text-slate-900', unread && 'font-semibold')}>
          {n.appointmentId ? (
            <Link to={`/appointments/${n.appointmentId}`} onClick={() => onOpen(n)} className="text-brand-900 underline-offset-2 hover:underline">
              {n.title}
            </Link>
          ) : (
            n.title
          )}
          {unread && <span className="sr-only"> (unread)</span>}
        </p>
        <p className="text-sm break-words text-slate-800">{n.message}</p>
        <p className="text-xs text-slate-700">
          <time dateTime={n.createdAt}>{formatDateTimeIn(n.createdAt)}</time>
        </p>
      </div>
      {action && <div className="shrink-0">{action}</div>}
    </div>
  );
}
