import { Fragment, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../../../contracts/chat.js';
import { Button } from '../../../lib/ui/button.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import type { PendingMessage } from '../api/use-outbox.js';
import { dayKey, dayLabel } from '../utils/format.js';
import { MessageBubble, PendingBubble } from './message-bubble.js';
import { useReadTracking } from './use-read-tracking.js';

/** Within this many pixels of the end counts as "at the newest message". */
const NEAR_BOTTOM_PX = 80;

export interface MessageListProps {
  messages: ChatMessage[];
  pending: PendingMessage[];
  myId: string;
  otherName: string;
  /** The name of whoever sent a message (for screen readers, and staff reading both sides). */
  nameOf: (senderId: string) => string;
  canWrite: boolean;
  hasMoreOlder: boolean;
  loadingOlder: boolean;
  olderError: unknown;
  onLoadOlder: () => void;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  onRead: (upToSeq: number) => void;
  /** Focus goes here when the control that had it disappears. */
  fallbackFocus: () => void;
}

/**
 * The conversation as a live log: newest at the bottom, older pages loading as the top comes
 * into view (or on the button), the reading position kept when they arrive, and a way down
 * to new messages when reading further up.
 */
export function MessageList(props: MessageListProps) {
  const { messages, pending, myId, otherName, hasMoreOlder, loadingOlder, onLoadOlder } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const [unseen, setUnseen] = useState(false);
  const previous = useRef<{ first?: string; last?: string; height: number; pending: number }>({ height: 0, pending: 0 });

  const scrollToEnd = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    nearBottom.current = true;
    setUnseen(false);
  }, []);

  // Keep the view where the reader expects it after every change of the list.
  const first = messages[0]?.id;
  const last = messages[messages.length - 1];
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const p = previous.current;
    if (p.first === undefined && p.last === undefined) {
      el.scrollTop = el.scrollHeight;
    } else if (first !== p.first && last?.id === p.last) {
      el.scrollTop += el.scrollHeight - p.height; // older messages above: stay on the same one
    } else if (last?.id !== p.last || pending.length > p.pending) {
      if (nearBottom.current || pending.length > p.pending || last?.senderId === myId) scrollToEnd();
      else setUnseen(true);
    }
    previous.current = { first, last: last?.id, height: el.scrollHeight, pending: pending.length };
  });

  // Load older messages when the top comes into view (again after each page, if it still is).
  useEffect(() => {
    const root = scroller.current;
    const target = sentinel.current;
    if (!root || !target || !hasMoreOlder) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onLoadOlder();
    }, { root, rootMargin: '160px 0px 0px 0px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [first, hasMoreOlder, onLoadOlder]);

  const unreadKey = messages
    .filter((m) => m.senderId !== myId && !m.readAt)
    .map((m) => m.seq)
    .join(',');
  useReadTracking(scroller, unreadKey, props.onRead);

  // The "load earlier" button goes away with the last page: keep focus in the chat.
  const olderButtonFocused = useRef(false);
  useEffect(() => {
    if (!hasMoreOlder && olderButtonFocused.current) {
      olderButtonFocused.current = false;
      scroller.current?.focus();
    }
  }, [hasMoreOlder]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    nearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    if (nearBottom.current) setUnseen(false);
  };

  const onMediaLoad = () => {
    if (nearBottom.current) scrollToEnd();
  };

  const empty = messages.length === 0 && pending.length === 0;
  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={scroller}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={`Messages with ${otherName}`}
        aria-busy={loadingOlder || undefined}
        tabIndex={0}
        onScroll={onScroll}
        className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-3 py-3 sm:px-4"
      >
        {hasMoreOlder ? (
          <div ref={sentinel} className="flex justify-center pb-3">
            <Button
              variant="ghost"
              size="sm"
              pending={loadingOlder}
              pendingLabel="Loading earlier messages…"
              onFocus={() => (olderButtonFocused.current = true)}
              onBlur={() => (olderButtonFocused.current = false)}
              onClick={onLoadOlder}
            >
              Load earlier messages
            </Button>
          </div>
        ) : (
          !empty && <p className="pb-3 text-center text-xs text-slate-600">This is the beginning of your conversation with {otherName}.</p>
        )}
        {props.olderError != null && (
          <div className="pb-3">
            <QueryError error={props.olderError} title="Could not load earlier messages" onRetry={onLoadOlder} />
          </div>
        )}
        {empty ? (
          <div className="flex h-full flex-col items-center justify-center px-4 py-4 text-center sm:py-8">
            <p className="font-semibold text-slate-900">No messages yet</p>
            <p className="mt-1 max-w-sm text-sm text-slate-700">
              {props.canWrite
                ? `Write to ${otherName} here: a question before the visit, a photo of a rash, a lab report as a PDF.`
                : 'Nobody wrote in this chat.'}
            </p>
          </div>
        ) : (
          <ol className="space-y-2">
            {messages.map((m, i) => {
              const day = dayKey(m.createdAt);
              const newDay = i === 0 || dayKey(messages[i - 1]!.createdAt) !== day;
              return (
                <Fragment key={m.id}>
                  {newDay && (
                    <li className="flex justify-center py-1">
                      <span className="rounded-full bg-slate-100 px-3 py-0.5 text-xs font-medium text-slate-700">{dayLabel(m.createdAt)}</span>
                    </li>
                  )}
                  <MessageBubble message={m} mine={m.senderId === myId} senderName={props.nameOf(m.senderId)} onMediaLoad={onMediaLoad} />
                </Fragment>
              );
            })}
            {pending.map((item) => (
              <PendingBubble
                key={item.clientId}
                item={item}
                onRetry={(id) => {
                  props.onRetry(id);
                  props.fallbackFocus();
                }}
                onDiscard={(id) => {
                  props.onDiscard(id);
                  props.fallbackFocus();
                }}
              />
            ))}
          </ol>
        )}
      </div>
      {unseen && (
        <button
          type="button"
          onClick={scrollToEnd}
          className="absolute bottom-3 left-1/2 min-h-9 -translate-x-1/2 rounded-full bg-brand-700 px-4 text-sm font-medium text-white shadow-md hover:bg-brand-800"
        >
          New messages <span aria-hidden="true">↓</span>
        </button>
      )}
    </div>
  );
}
