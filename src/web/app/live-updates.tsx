import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notification } from '../../contracts/notifications.js';
import type { ServerEvent } from '../../contracts/realtime.js';
import { invalidate, invalidations } from '../lib/invalidations.js';
import { storeUnread } from '../entities/chat/use-chat-unread.js';
import { useRealtimeSocket } from '../lib/realtime/use-realtime-socket.js';
import { useMeQuery } from '../lib/session.js';

const TOAST_MS = 8_000;
const MAX_TOASTS = 3;

/**
 * While someone is signed in: one socket to their own room (`/ws/notifications/`). A
 * notification refreshes the notification and appointment queries at once and shows a short
 * toast; notifications read elsewhere refresh the bell; a doctor's changed free time refreshes
 * that doctor's slot lists; a changed payment refreshes its appointment's payment state; unread
 * chat counts update in place. After a reconnection everything it feeds is fetched again,
 * since events may have been missed meanwhile.
 */
export function LiveUpdates() {
  const me = useMeQuery().data;
  const queryClient = useQueryClient();
  const [toasts, setToasts] = useState<Notification[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: string) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const show = (n: Notification) => {
    setToasts((list) => [...list.filter((t) => t.id !== n.id), n].slice(-MAX_TOASTS));
    timers.current.set(n.id, setTimeout(() => dismiss(n.id), TOAST_MS));
  };

  const onEvent = (event: ServerEvent) => {
    if (event.type === 'notification') {
      void invalidate(queryClient, invalidations.notificationArrived());
      show(event.notification);
    } else if (event.type === 'notifications.read') {
      // Read elsewhere (another tab opened or acted on the appointment, or "mark all read").
      void invalidate(queryClient, invalidations.notificationsRead());
    } else if (event.type === 'slots.changed') {
      // A doctor's free time changed (a booking, a cancel, new hours): open slot pickers refresh.
      void invalidate(queryClient, invalidations.freeTimesChanged(event.doctorId));
    } else if (event.type === 'payment.changed') {
      // A payment of the viewer's moved on (Khalti settled it, a refund went out): its
      // appointment's payment state, receipt and status refresh while they wait.
      void invalidate(queryClient, invalidations.paymentChanged(event.appointmentId));
    } else if (event.type === 'chat.unread') {
      storeUnread(queryClient, event);
    }
  };

  const signedIn = !!me && !me.mustChangePassword;
  useRealtimeSocket(signedIn ? '/ws/notifications/' : null, {
    onEvent,
    onReady: ({ reconnected }) => {
      if (reconnected) void invalidate(queryClient, invalidations.liveUpdatesResumed());
    },
  });

  // Signing out (or in as someone else) leaves nothing of the last person on screen.
  const userId = me?.id;
  useEffect(() => {
    const running = timers.current;
    return () => {
      for (const timer of running.values()) clearTimeout(timer);
      running.clear();
      setToasts([]);
    };
  }, [userId]);

  return (
    <div
      role="status"
      aria-live="polite"
      aria-label="Live notifications"
      className="pointer-events-none fixed inset-x-3 top-16 z-50 flex flex-col items-end gap-2 sm:inset-x-auto sm:right-4 sm:w-96"
    >
      {signedIn &&
        toasts.map((n) => (
          <div key={n.id} className="pointer-events-auto flex w-full items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-900 shadow-lg">
            <span aria-hidden="true" className="mt-0.5 size-2.5 shrink-0 rounded-full bg-brand-700" />
            <div className="min-w-0 flex-1">
              <p className="font-semibold break-words">{n.title}</p>
              {n.message && <p className="mt-0.5 break-words text-slate-700">{n.message}</p>}
            </div>
            <button
              type="button"
              onClick={() => dismiss(n.id)}
              className="-m-1 flex size-8 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
            >
              <span aria-hidden="true">×</span>
              <span className="sr-only">Dismiss</span>
            </button>
          </div>
        ))}
    </div>
  );
}
