import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientEvent, ServerEvent } from '../../../contracts/realtime.js';
import { invalidate, invalidations } from '../invalidations.js';
import type { EndReason } from './protocol.js';
import { RealtimeSocket, type ReadyInfo, type SocketStatus } from './realtime-socket.js';

export interface RealtimeHandlers {
  onEvent?: (event: ServerEvent) => void;
  /** Every `ready`: the first connection and each reconnection (catch up on `reconnected`). */
  onReady?: (info: ReadyInfo) => void;
  /** The socket stopped for good: the session ended (4401) or access was withdrawn (4403). */
  onEnd?: (reason: Exclude<EndReason, 'stopped'>) => void;
}

export interface RealtimeConnection {
  status: SocketStatus;
  endReason: EndReason | null;
  /** Sends if open; false otherwise (the caller falls back to HTTP or waits). */
  send: (event: ClientEvent) => boolean;
}

/**
 * One socket to `path` while the component is mounted and `path` is not null; the latest
 * handlers are always called (no reconnect when they change identity).
 *
 * Session handling is the app's usual one: when the server ends the session (4401), or when
 * reconnecting keeps failing (an upgrade refused with 401 looks like any dropped connection),
 * "me" is fetched again; if the session is gone the sign-in guard takes over.
 */
export function useRealtimeSocket(path: string | null, handlers: RealtimeHandlers): RealtimeConnection {
  const queryClient = useQueryClient();
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const socketRef = useRef<RealtimeSocket | null>(null);
  const [status, setStatus] = useState<SocketStatus>(path ? 'connecting' : 'closed');
  const [endReason, setEndReason] = useState<EndReason | null>(null);

  useEffect(() => {
    if (!path) {
      setStatus('closed');
      return;
    }
    const checkSession = () => void invalidate(queryClient, invalidations.sessionInDoubt());
    const socket = new RealtimeSocket({ path });
    socketRef.current = socket;
    setEndReason(null);
    setStatus(socket.status);
    const offStatus = socket.onStatus((next) => {
      setStatus(next);
      if (next !== 'closed') return;
      const reason = socket.endReason;
      setEndReason(reason);
      if (reason === 'session_ended') checkSession();
      if (reason && reason !== 'stopped') handlersRef.current.onEnd?.(reason);
    });
    const offEvent = socket.onEvent((event) => handlersRef.current.onEvent?.(event));
    const offReady = socket.onReady((info) => handlersRef.current.onReady?.(info));
    const offRetry = socket.onRetry(({ failures }) => {
      if (failures >= 2) checkSession();
    });
    socket.start();
    return () => {
      offStatus();
      offEvent();
      offReady();
      offRetry();
      socket.stop();
      if (socketRef.current === socket) socketRef.current = null;
    };
  }, [path, queryClient]);

  const send = useCallback((event: ClientEvent) => socketRef.current?.send(event) ?? false, []);
  return { status, endReason, send };
}
