import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_CLIENT_MESSAGE_BYTES } from '../../../contracts/realtime.js';
import { backoffDelay } from './backoff.js';
import { encodeClientEvent, endReasonOf, parseServerEvent, socketUrl } from './protocol.js';
import { RealtimeSocket, type SocketStatus, type WebSocketLike } from './realtime-socket.js';

const USER = '3f1c2a9e-7b4d-4c1e-9a0b-2d5e6f708192';

class FakeSocket implements WebSocketLike {
  sent: string[] = [];
  closed: { code?: number; reason?: string } | null = null;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number, reason?: string) {
    this.closed = { code, reason };
  }
  /** The server's side of things. */
  serverSends(event: unknown) {
    this.onmessage?.({ data: typeof event === 'string' ? event : JSON.stringify(event) });
  }
  serverCloses(code: number) {
    this.onclose?.({ code, reason: '' });
  }
}

function harness(options: { pingIntervalMs?: number; pongTimeoutMs?: number } = {}) {
  const sockets: FakeSocket[] = [];
  const statuses: SocketStatus[] = [];
  const signals: { reconnectNow?: () => void; probe?: () => void } = {};
  const client = new RealtimeSocket({
    path: '/ws/notifications/',
    url: 'ws://test/ws/notifications/',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    random: () => 1,
    backoff: { baseMs: 1000, maxMs: 8000, factor: 2 },
    watchEnvironment: (s) => {
      Object.assign(signals, s);
      return () => {};
    },
    ...options,
  });
  client.onStatus((s) => statuses.push(s));
  const last = () => sockets[sockets.length - 1]!;
  return { client, sockets, statuses, signals, last };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('backoff', () => {
  it('grows exponentially to a cap, jittered in the upper half of each window', () => {
    const o = { baseMs: 500, maxMs: 30_000, factor: 2 };
    expect(backoffDelay(0, o, () => 0)).toBe(250);
    expect(backoffDelay(0, o, () => 1)).toBe(500);
    expect(backoffDelay(3, o, () => 1)).toBe(4000);
    expect(backoffDelay(20, o, () => 0)).toBe(15_000);
    expect(backoffDelay(20, o, () => 1)).toBe(30_000);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(2, o);
      expect(d).toBeGreaterThanOrEqual(1000);
      expect(d).toBeLessThanOrEqual(2000);
    }
  });
});

describe('protocol', () => {
  it('builds the socket URL on the page host, secure beside https', () => {
    expect(socketUrl('/ws/chat/a/', { protocol: 'http:', host: '127.0.0.1:8321' })).toBe('ws://127.0.0.1:8321/ws/chat/a/');
    expect(socketUrl('ws/notifications/', { protocol: 'https:', host: 'care.example' })).toBe('wss://care.example/ws/notifications/');
  });

  it('parses known events and ignores anything else', () => {
    expect(parseServerEvent(JSON.stringify({ type: 'ready', userId: USER }))).toEqual({ type: 'ready', userId: USER });
    expect(parseServerEvent(JSON.stringify({ type: 'pong' }))).toEqual({ type: 'pong' });
    expect(parseServerEvent('not json')).toBeNull();
    expect(parseServerEvent(JSON.stringify({ type: 'surprise' }))).toBeNull();
    expect(parseServerEvent(new ArrayBuffer(2))).toBeNull();
  });

  it('refuses frames over the server limit', () => {
    expect(encodeClientEvent({ type: 'chat.typing', typing: true })).toBe('{"type":"chat.typing","typing":true}');
    const huge = { type: 'chat.send' as const, clientId: 'x', text: 'é'.repeat(MAX_CLIENT_MESSAGE_BYTES / 2) };
    expect(encodeClientEvent(huge)).toBeNull();
  });

  it('knows which close codes end the socket for good', () => {
    expect(endReasonOf(4401)).toBe('session_ended');
    expect(endReasonOf(4403)).toBe('access_withdrawn');
    expect(endReasonOf(1006)).toBeNull();
    expect(endReasonOf(1001)).toBeNull();
  });
});

describe('RealtimeSocket', () => {
  it('is open once the server says ready, and reports each ready', () => {
    const { client, last, statuses } = harness();
    const ready = vi.fn();
    client.onReady(ready);
    client.start();
    expect(client.status).toBe('connecting');
    expect(client.send({ type: 'ping' })).toBe(false);
    last().serverSends({ type: 'ready', userId: USER });
    expect(client.status).toBe('open');
    expect(ready).toHaveBeenCalledWith({ reconnected: false, userId: USER });
    expect(client.send({ type: 'chat.typing', typing: true })).toBe(true);
    expect(last().sent).toEqual(['{"type":"chat.typing","typing":true}']);
    expect(statuses).toEqual(['open']);
  });

  it('reconnects with growing delays after drops, then says it reconnected', () => {
    const { client, sockets, last, statuses } = harness();
    const ready = vi.fn();
    const retries: number[] = [];
    client.onReady(ready);
    client.onRetry(({ failures }) => retries.push(failures));
    client.start();
    last().serverSends({ type: 'ready', userId: USER });
    last().serverCloses(1006);
    expect(client.status).toBe('reconnecting');
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    last().serverCloses(1006); // the server is still down
    vi.advanceTimersByTime(1999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    last().serverSends({ type: 'ready', userId: USER });
    expect(ready).toHaveBeenLastCalledWith({ reconnected: true, userId: USER });
    expect(statuses).toEqual(['open', 'reconnecting', 'open']);
    expect(retries).toEqual([1, 2]);
    // A later drop starts from the shortest delay again.
    last().serverCloses(1001);
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(4);
  });

  it('reconnects at once (within half a second) when the instance says it is restarting', () => {
    const { client, sockets, last } = harness();
    client.start();
    last().serverSends({ type: 'ready', userId: USER });
    last().serverCloses(1001); // a drop: the first retry waits the backoff (1 s here)
    vi.advanceTimersByTime(1000);
    last().serverCloses(1006); // still down: 2 s next
    vi.advanceTimersByTime(2000);
    expect(sockets).toHaveLength(3);
    last().serverSends({ type: 'ready', userId: USER });
    last().serverCloses(1012); // CLOSE.serviceRestart
    expect(client.status).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(4);
    // and it was no failure: a drop after it starts from the shortest backoff again
    last().serverCloses(1006);
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(5);
  });

  it('stops for good when the session ends or access is withdrawn', () => {
    for (const [code, reason] of [[4401, 'session_ended'], [4403, 'access_withdrawn']] as const) {
      const { client, sockets, last } = harness();
      client.start();
      last().serverSends({ type: 'ready', userId: USER });
      last().serverCloses(code);
      expect(client.status).toBe('closed');
      expect(client.endReason).toBe(reason);
      vi.advanceTimersByTime(120_000);
      expect(sockets).toHaveLength(1);
    }
  });

  it('pings, and drops a connection that stops answering', () => {
    const { client, sockets, last } = harness({ pingIntervalMs: 5000, pongTimeoutMs: 2000 });
    client.start();
    last().serverSends({ type: 'ready', userId: USER });
    vi.advanceTimersByTime(5000);
    expect(last().sent).toEqual(['{"type":"ping"}']);
    last().serverSends({ type: 'pong' });
    vi.advanceTimersByTime(5000 + 1999);
    expect(client.status).toBe('open');
    vi.advanceTimersByTime(1);
    // No pong to the second ping: given up without waiting for a close handshake.
    expect(client.status).toBe('reconnecting');
    expect(sockets[0]!.closed?.code).toBe(4000);
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
  });

  it('retries a connection that never says ready', () => {
    const { client, sockets } = harness();
    client.start();
    vi.advanceTimersByTime(15_000);
    expect(client.status).toBe('reconnecting');
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
  });

  it('reconnects at once when the network comes back, and probes when it goes', () => {
    const { client, sockets, last, signals } = harness({ pongTimeoutMs: 3000 });
    client.start();
    last().serverSends({ type: 'ready', userId: USER });
    signals.probe!();
    expect(last().sent).toEqual(['{"type":"ping"}']);
    vi.advanceTimersByTime(3000);
    expect(client.status).toBe('reconnecting');
    last().serverCloses(1006);
    signals.reconnectNow!();
    expect(sockets).toHaveLength(2);
    signals.reconnectNow!(); // already connecting: no second socket
    expect(sockets).toHaveLength(2);
  });

  it('stop() closes the socket and never reconnects; ignores unknown frames', () => {
    const { client, sockets, last } = harness();
    const events = vi.fn();
    client.onEvent(events);
    client.start();
    last().serverSends('garbage');
    last().serverSends({ type: 'ready', userId: USER });
    expect(events).toHaveBeenCalledTimes(1);
    client.stop();
    expect(client.status).toBe('closed');
    expect(client.endReason).toBe('stopped');
    expect(sockets[0]!.closed?.code).toBe(1000);
    sockets[0]!.serverCloses(1000);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});
