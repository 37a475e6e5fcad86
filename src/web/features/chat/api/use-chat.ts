import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientEvent, ServerEvent } from '../../../../contracts/realtime.js';
import { ApiError } from '../../../lib/api-client.js';
import { useRealtimeSocket } from '../../../lib/realtime/use-realtime-socket.js';
import { useMe } from '../../../lib/session.js';
import { postRead } from './chat-api.js';
import { useChatLog } from './use-chat-log.js';
import { useOutbox } from './use-outbox.js';
import { useTyping } from './use-typing.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';
import { appointmentQuery } from '../../../entities/appointments/appointment-api.js';

/** Error codes that mean the chat cannot be written to any more. */
const CLOSED_CODES = new Set(['chat_closed', 'invalid_transition', 'forbidden']);
/** Socket errors that refuse the message itself: sending it again cannot succeed. */
const REFUSED_CODES = new Set(['validation_failed', 'message_too_large', 'bad_message']);

/**
 * Everything the chat panel shows and does, for one appointment: the log (history, live
 * messages, receipts), pending sends, typing, read marking and the connection's state.
 */
export function useChat(appointmentId: string) {
  const me = useMe();
  const queryClient = useQueryClient();
  // Who the other party is and the status: the appointment page's own entry, so a live change refreshes both.
  const appointment = useQuery(appointmentQuery(appointmentId));
  const log = useChatLog(appointmentId, me.id);
  const data = log.query.data;
  const [withdrawn, setWithdrawn] = useState(false);

  // Only the two parties join the room (staff read over HTTP); the socket opens while the
  // history loads, and not at all for a chat that is read-only or refused.
  const participant = me.role === 'patient' || me.role === 'doctor';
  const refused = log.query.error instanceof ApiError && log.query.error.status >= 400 && log.query.error.status < 500;
  const live = participant && !withdrawn && !refused && data?.canWrite !== false;
  const path = live ? `/ws/chat/${appointmentId}/` : null;

  // The socket's send is known only after it is made; the outbox and typing reach it through a ref.
  const sendRef = useRef<(event: ClientEvent) => boolean>(() => false);
  const sendOnSocket = useCallback((event: ClientEvent) => sendRef.current(event), []);
  const outbox = useOutbox({ appointmentId, sendOnSocket, onStored: log.addMessage });
  const typing = useTyping(me.id, sendOnSocket);

  const onEvent = (event: ServerEvent) => {
    switch (event.type) {
      case 'chat.ack':
        log.addMessage(event.message);
        outbox.settle(event.clientId);
        break;
      case 'chat.message':
        log.addMessage(event.message);
        if (event.message.senderId === me.id) {
          if (event.message.clientId) outbox.settle(event.message.clientId);
        } else typing.forget(event.message.senderId);
        break;
      case 'chat.receipt':
        log.applyReceipt(event.receipt);
        break;
      case 'chat.typing':
        typing.heard(event.userId, event.typing);
        break;
      case 'appointment.changed':
        void invalidate(queryClient, invalidations.appointmentChanged());
        break;
      case 'error':
        if (!event.clientId) break;
        outbox.fail(event.clientId, `Not sent: ${event.message}`, REFUSED_CODES.has(event.code));
        if (CLOSED_CODES.has(event.code)) void log.catchUp();
        break;
    }
  };

  const connection = useRealtimeSocket(path, {
    onEvent,
    onReady: () => void log.catchUp(),
    onEnd: (reason) => {
      if (reason !== 'access_withdrawn') return;
      setWithdrawn(true);
      void log.catchUp();
      void invalidate(queryClient, invalidations.appointmentChanged());
    },
  });
  sendRef.current = connection.send;

  // A socket that dropped may have taken sends with it: they go again over HTTP (same client id).
  const { resendUnacknowledged } = outbox;
  useEffect(() => {
    if (connection.status !== 'open') resendUnacknowledged();
  }, [connection.status, resendUnacknowledged]);

  const lastMarked = useRef(0);
  const markRead = useCallback(
    (upToSeq: number) => {
      if (!participant || upToSeq <= lastMarked.current) return;
      const previous = lastMarked.current;
      lastMarked.current = upToSeq;
      if (sendOnSocket({ type: 'chat.read', upToSeq })) return;
      postRead(appointmentId, upToSeq).catch(() => {
        lastMarked.current = previous;
      });
    },
    [appointmentId, sendOnSocket, participant],
  );

  const canWrite = participant && data?.canWrite === true && !withdrawn;
  return {
    me,
    appointment: appointment.data,
    log: data,
    query: log.query,
    loadOlder: log.loadOlder,
    older: log.older,
    pending: outbox.items,
    send: outbox.send,
    retry: outbox.retry,
    discard: outbox.discard,
    typingUserIds: typing.typing,
    typed: typing.typed,
    stoppedTyping: typing.stopped,
    markRead,
    status: connection.status,
    canWrite,
    /** Closed while open here (cancelled, rejected), rather than read-only from the start. */
    withdrawn,
  };
}

export type Chat = ReturnType<typeof useChat>;
