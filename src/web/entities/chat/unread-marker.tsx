/** "3 unread": an appointment's unread chat messages, beside it in a list. Nothing when none. */
export function UnreadMarker({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-white">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
        <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" />
      </svg>
      {count > 99 ? '99+' : count} unread<span className="sr-only"> {count === 1 ? 'message' : 'messages'}</span>
    </span>
  );
}
