import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../../../contracts/chat.js';
import type { ClientEvent } from '../../../../contracts/realtime.js';
import { ApiError, errorMessage } from '../../../lib/api-client.js';
import { postMessage, uploadAttachment } from './chat-api.js';

/** A message of mine the server has not stored yet (or refused): shown as a pending bubble. */
export interface PendingMessage {
  clientId: string;
  text: string;
  file: File | null;
  state: 'sending' | 'failed';
  /** Refused for what it is (type, size, quota, length): sending it again cannot succeed. */
  refused: boolean;
  /** Upload progress of an attachment, 0 to 1. */
  progress: number | null;
  error: string | null;
  createdAt: string;
  /** Sent on the socket and waiting for its `chat.ack`. */
  awaitingAck: boolean;
}

/** How long a socket send may wait for its acknowledgment before it counts as failed. */
export const ACK_TIMEOUT_MS = 15_000;

/** Answers that refuse the message itself rather than fail to deliver it. */
const REFUSALS = new Set(['validation_failed', 'payload_too_large', 'unsupported_media_type', 'attachment_quota_exceeded', 'message_too_large', 'bad_message']);

export function isRefusal(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 413 || error.status === 415 || (error.code !== undefined && REFUSALS.has(error.code));
}

function failureText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'Not sent: you seem to be offline.';
    if (error.status === 413) return 'Not sent: the file is too large.';
  }
  return `Not sent: ${errorMessage(error)}`;
}

const newClientId = () => crypto.randomUUID();

/**
 * Sending: a text goes on the socket when it is open (the server acknowledges with the stored
 * message) and over HTTP otherwise; an attachment is uploaded with progress. Every send carries
 * a client id, so a retry is stored once however many times it reaches the server.
 */
export function useOutbox({
  appointmentId,
  sendOnSocket,
  onStored,
}: {
  appointmentId: string;
  sendOnSocket: (event: ClientEvent) => boolean;
  onStored: (message: ChatMessage) => void;
}) {
  const [items, setItems] = useState<PendingMessage[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const ackTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const uploads = useRef(new Map<string, AbortController>());

  const clearAckTimer = (clientId: string) => {
    const timer = ackTimers.current.get(clientId);
    if (timer) clearTimeout(timer);
    ackTimers.current.delete(clientId);
  };

  const patch = useCallback((clientId: string, change: Partial<PendingMessage>) => {
    setItems((list) => list.map((i) => (i.clientId === clientId ? { ...i, ...change } : i)));
  }, []);

  /** The server stored it: the pending bubble gives way to the real message. */
  const settle = useCallback((clientId: string) => {
    clearAckTimer(clientId);
    uploads.current.delete(clientId);
    setItems((list) => list.filter((i) => i.clientId !== clientId));
  }, []);

  const fail = useCallback(
    (clientId: string, error: string, refused = false) => {
      clearAckTimer(clientId);
      patch(clientId, { state: 'failed', error, refused, awaitingAck: false, progress: null });
    },
    [patch],
  );

  const storedOverHttp = useCallback(
    (clientId: string, message: ChatMessage) => {
      onStored(message);
      settle(clientId);
    },
    [onStored, settle],
  );

  const deliver = useCallback(
    (item: PendingMessage) => {
      const { clientId, text, file } = item;
      if (file) {
        const controller = new AbortController();
        uploads.current.set(clientId, controller);
        patch(clientId, { state: 'sending', error: null, progress: 0, awaitingAck: false });
        uploadAttachment(appointmentId, {
          file,
          text,
          clientId,
          signal: controller.signal,
          onProgress: (progress) => patch(clientId, { progress }),
        }).then(
          (message) => storedOverHttp(clientId, message),
          (error: unknown) => {
            if (error instanceof DOMException && error.name === 'AbortError') return settle(clientId);
            fail(clientId, failureText(error), isRefusal(error));
          },
        );
        return;
      }
      if (sendOnSocket({ type: 'chat.send', clientId, text })) {
        patch(clientId, { state: 'sending', error: null, awaitingAck: true });
        clearAckTimer(clientId);
        ackTimers.current.set(
          clientId,
          setTimeout(() => fail(clientId, 'Not sent: the server did not answer.'), ACK_TIMEOUT_MS),
        );
        return;
      }
      patch(clientId, { state: 'sending', error: null, awaitingAck: false });
      postMessage(appointmentId, { text, clientId }).then(
        (message) => storedOverHttp(clientId, message),
        (error: unknown) => fail(clientId, failureText(error), isRefusal(error)),
      );
    },
    [appointmentId, fail, patch, sendOnSocket, settle, storedOverHttp],
  );

  const send = useCallback(
    (text: string, file: File | null = null) => {
      const item: PendingMessage = {
        clientId: newClientId(),
        text,
        file,
        state: 'sending',
        refused: false,
        progress: file ? 0 : null,
        error: null,
        createdAt: new Date().toISOString(),
        awaitingAck: false,
      };
      setItems((list) => [...list, item]);
      deliver(item);
    },
    [deliver],
  );

  const retry = useCallback(
    (clientId: string) => {
      const item = itemsRef.current.find((i) => i.clientId === clientId);
      if (item && !item.refused) deliver(item);
    },
    [deliver],
  );

  /** Drops a failed message, or cancels an upload under way. */
  const discard = useCallback(
    (clientId: string) => {
      uploads.current.get(clientId)?.abort();
      settle(clientId);
    },
    [settle],
  );

  /**
   * The socket dropped: what waited for an acknowledgment goes again over HTTP with the same
   * client id (stored once, whether or not the first attempt got through).
   */
  const resendUnacknowledged = useCallback(() => {
    for (const item of itemsRef.current) if (item.awaitingAck) deliver({ ...item, awaitingAck: false });
  }, [deliver]);

  useEffect(() => {
    const timers = ackTimers.current;
    const running = uploads.current;
    return () => {
      for (const timer of timers.values()) clearTimeout(timer);
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  return { items, send, retry, discard, settle, fail, resendUnacknowledged };
}
