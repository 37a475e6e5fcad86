import { Link } from 'react-router';
import { useChatUnread } from '../../../entities/chat/use-chat-unread.js';

/** Unread chat messages across the viewer's appointments; opens the appointments list. */
export function MessagesIndicator() {
  const unread = useChatUnread(true);
  const total = unread.data?.total ?? 0;
  const label = total > 0 ? `Messages, ${total} unread` : 'Messages, none unread';
  return (
    <Link
      to="/appointments"
      className="relative flex size-11 items-center justify-center rounded-full text-slate-800 hover:bg-slate-100"
      title={label}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" />
      </svg>
      <span className="sr-only">{label}</span>
      {total > 0 && (
        <span aria-hidden="true" className="absolute top-0.5 right-0.5 flex min-w-5 items-center justify-center rounded-full bg-brand-700 px-1 text-xs font-bold text-white">
          {total > 99 ? '99+' : total}
        </span>
      )}
    </Link>
  );
}
