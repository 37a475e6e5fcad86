import { CLOSE, MAX_CLIENT_MESSAGE_BYTES, type ClientEvent, type ServerEvent } from '../../../contracts/realtime.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { encodeClientEvent, endReasonOf, parseServerEvent, socketUrl, type EndReason } from './protocol.js';

/**
 * - `connecting`: the first connection is being made;
 * - `open`: the server said `ready` (signed in, in the room);
 * - `reconnecting`: the connection dropped (or never came up) and another try is scheduled;
 * - `closed`: stopped for good (see `endReason`).
 */
export type SocketStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** The part of the browser's WebSocket this client uses (a fake one in unit tests). */
export interface WebSocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface RealtimeSocketOptions {
  /** `/ws/notifications/`, `/ws/chat/<id>/`. */
  path: string;
  /** Defaults to the page's own host (`ws:`/`wss:` to match). */
  url?: string;
  createSocket?: (url: string) => WebSocketLike;
  /** An application-level `ping` this often while open… */
  pingIntervalMs?: number;
  /** …and the connection counts as dead if nothing at all arrives this long after it. */
  pongTimeoutMs?: number;
  /** A connection that has not said `ready` by then is dropped and retried. */
  readyTimeoutMs?: number;
  /** The server's limit for one message on this socket (16 KB unless the socket kind allows more). */
  maxMessageBytes?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  /**
   * Signals from the environment: `reconnectNow` when the browser comes back online or the tab
   * becomes visible again, `probe` when it says it went offline. Returns a cleanup. Defaults to
   * the window's `online`/`offline` and the document's `visibilitychange` events.
   */
  watchEnvironment?: (signals: { reconnectNow: () => void; probe: () => void }) => () => void;
}

export interface RetryInfo {
  failures: number;
  delayMs: number;
}

export interface ReadyInfo {
  /** False for the first connection, true after any drop (time to catch up on what was missed). */
  reconnected: boolean;
  userId: string;
}

type Listener<T> = (value: T) => void;

/** Sockets told to move by a restarting instance spread their reconnects over this long, not all in one instant. */
const RESTART_SPREAD_MS = 500;

function browserEnvironment({ reconnectNow, probe }: { reconnectNow: () => void; probe: () => void }) {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const onVisible = () => {
    if (document.visibilityState === 'visible') reconnectNow();
  };
  window.addEventListener('online', reconnectNow);
  window.addEventListener('offline', probe);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.removeEventListener('online', reconnectNow);
    window.removeEventListener('offline', probe);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

/**
 * A typed WebSocket that stays connected: it parses every frame into a `ServerEvent`, pings,
 * notices a silent dead connection, reconnects with backoff and jitter, and stops for good
 * when the server says the session ended (4401) or access was withdrawn (4403).
 * Framework-free: React binds to it in `use-realtime-socket.ts`.
 */
export class RealtimeSocket {
  private readonly options: Required<Omit<RealtimeSocketOptions, 'url' | 'random'>> & { url: string; random: () => number };
  private socket: WebSocketLike | null = null;
  private statusValue: SocketStatus = 'connecting';
  private endReasonValue: EndReason | null = null;
  private attempt = 0;
  private everReady = false;
  private started = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private deadTimer: ReturnType<typeof setTimeout> | null = null;
  private readyTimer: ReturnType<typeof setTimeout> | null = null;
  private stopWatching: (() => void) | null = null;
  private readonly eventListeners = new Set<Listener<ServerEvent>>();
  private readonly statusListeners = new Set<Listener<SocketStatus>>();
  private readonly readyListeners = new Set<Listener<ReadyInfo>>();
  private readonly retryListeners = new Set<Listener<RetryInfo>>();

  constructor(options: RealtimeSocketOptions) {
    const location = typeof window !== 'undefined' ? window.location : { protocol: 'http:', host: 'localhost' };
    this.options = {
      path: options.path,
      url: options.url ?? socketUrl(options.path, location),
      createSocket: options.createSocket ?? ((url) => new WebSocket(url) as unknown as WebSocketLike),
      pingIntervalMs: options.pingIntervalMs ?? 20_000,
      pongTimeoutMs: options.pongTimeoutMs ?? 10_000,
      readyTimeoutMs: options.readyTimeoutMs ?? 15_000,
      maxMessageBytes: options.maxMessageBytes ?? MAX_CLIENT_MESSAGE_BYTES,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      random: options.random ?? Math.random,
      watchEnvironment: options.watchEnvironment ?? browserEnvironment,
    };
  }

  get status(): SocketStatus {
    return this.statusValue;
  }

  /** Why the socket is `closed`; null while it is still trying. */
  get endReason(): EndReason | null {
    return this.endReasonValue;
  }

  /** Every event the server sends (including `ready` and `pong`). */
  onEvent(listener: Listener<ServerEvent>) {
    this.eventListeners.add(listener);
    return () => void this.eventListeners.delete(listener);
  }

  onStatus(listener: Listener<SocketStatus>) {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  /** Each time the server says `ready`: the place to (re)subscribe and to catch up. */
  onReady(listener: Listener<ReadyInfo>) {
    this.readyListeners.add(listener);
    return () => void this.readyListeners.delete(listener);
  }

  /** Each scheduled retry; `failures` counts them in a row (1 after a drop, more while reconnecting keeps failing). */
  onRetry(listener: Listener<RetryInfo>) {
    this.retryListeners.add(listener);
    return () => void this.retryListeners.delete(listener);
  }

  start() {
    if (this.started) return;
    this.started = true;
    this.stopWatching = this.options.watchEnvironment({ reconnectNow: () => this.reconnectNow(), probe: () => this.probe() });
    this.connect();
  }

  /** Sends when open; false when not connected or over the size limit (send it over HTTP). */
  send(event: ClientEvent): boolean {
    if (this.statusValue !== 'open' || !this.socket) return false;
    const frame = encodeClientEvent(event, this.options.maxMessageBytes);
    if (frame === null) return false;
    try {
      this.socket.send(frame);
      return true;
    } catch {
      return false;
    }
  }

  /** Skips the wait when a retry is scheduled (the network is back, the tab is visible again). */
  reconnectNow() {
    if (this.statusValue !== 'reconnecting' || this.socket) return;
    this.clearTimer('retry');
    this.attempt = 0;
    this.connect();
  }

  /** Checks a connection the browser may not know is dead yet: a ping that must be answered soon. */
  probe() {
    if (this.statusValue !== 'open') return;
    this.ping();
  }

  /** Closes for good (the component went away, the user signed out). */
  stop() {
    if (this.statusValue === 'closed') return;
    this.finish('stopped', 1000);
  }

  private connect() {
    this.clearTimers();
    let socket: WebSocketLike;
    try {
      socket = this.options.createSocket(this.options.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    this.setStatus(this.everReady || this.attempt > 0 ? 'reconnecting' : 'connecting');
    this.readyTimer = setTimeout(() => this.drop(), this.options.readyTimeoutMs);
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.detach();
      const reason = endReasonOf(event.code);
      if (reason) this.finish(reason);
      // The instance is shutting down (CLOSE.serviceRestart): another one takes us at once.
      else if (event.code === CLOSE.serviceRestart) this.scheduleRetry(this.options.random() * RESTART_SPREAD_MS);
      else this.scheduleRetry();
    };
    // An error is always followed by a close.
    socket.onerror = () => {};
  }

  private receive(data: unknown) {
    this.clearTimer('dead');
    const event = parseServerEvent(data);
    if (!event) return;
    if (event.type === 'ready') {
      this.clearTimer('ready');
      const reconnected = this.everReady;
      this.everReady = true;
      this.attempt = 0;
      this.setStatus('open');
      this.pingTimer = setInterval(() => this.ping(), this.options.pingIntervalMs);
      for (const listener of [...this.readyListeners]) listener({ reconnected, userId: event.userId });
    }
    for (const listener of [...this.eventListeners]) listener(event);
  }

  private ping() {
    if (!this.send({ type: 'ping' })) return;
    if (!this.deadTimer) this.deadTimer = setTimeout(() => this.drop(), this.options.pongTimeoutMs);
  }

  /** Gives up on the current connection without waiting for a close handshake that may never come. */
  private drop() {
    const socket = this.socket;
    if (!socket) return;
    this.detach();
    try {
      socket.close(4000, 'No answer');
    } catch {
      // Already closing.
    }
    this.scheduleRetry();
  }

  /** After a drop, with backoff; `now` (a few hundred ms, jittered) when the server asked us to move. */
  private scheduleRetry(now?: number) {
    if (this.statusValue === 'closed') return;
    this.clearTimers();
    const delay = now ?? backoffDelay(this.attempt, this.options.backoff, this.options.random);
    // Being moved is no failure: a drop after it starts again from the shortest backoff.
    this.attempt = now === undefined ? this.attempt + 1 : 0;
    this.setStatus('reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
    for (const listener of [...this.retryListeners]) listener({ failures: this.attempt, delayMs: delay });
  }

  private finish(reason: EndReason, code?: number) {
    const socket = this.socket;
    this.detach();
    this.clearTimers();
    this.stopWatching?.();
    this.stopWatching = null;
    if (socket && code !== undefined) {
      try {
        socket.close(code, 'Closed by the page');
      } catch {
        // Already closing.
      }
    }
    this.endReasonValue = reason;
    this.setStatus('closed');
  }

  private detach() {
    const socket = this.socket;
    this.socket = null;
    this.clearTimers();
    if (!socket) return;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
  }

  private setStatus(status: SocketStatus) {
    if (this.statusValue === status) return;
    this.statusValue = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }

  private clearTimer(which: 'retry' | 'ping' | 'dead' | 'ready') {
    const timer = this[`${which}Timer`];
    if (!timer) return;
    if (which === 'ping') clearInterval(timer);
    else clearTimeout(timer);
    this[`${which}Timer`] = null;
  }

  private clearTimers() {
    this.clearTimer('retry');
    this.clearTimer('ping');
    this.clearTimer('dead');
    this.clearTimer('ready');
  }
}
