import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { ServerEvent } from '../../contracts/realtime.js';

/** Starts the app on a free loopback port (idempotent) and returns its base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

export interface TestSocket {
  ws: WebSocket;
  events: ServerEvent[];
  /** The next event of this type (already received or yet to come). */
  next<T extends ServerEvent['type']>(type: T, match?: (e: Extract<ServerEvent, { type: T }>) => boolean, timeoutMs?: number): Promise<Extract<ServerEvent, { type: T }>>;
  send(data: unknown): void;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** A browser-like socket: the session cookie and our own Origin. Rejects with the HTTP status if refused. */
export function connect(base: string, path: string, cookie?: string, origin: string | null = base, opts: { autoPong?: boolean; protocols?: string[] } = {}): Promise<TestSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(base.replace(/^http/, 'ws') + path, opts.protocols ?? [], {
      headers: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
      autoPong: opts.autoPong ?? true,
    });
    const events: ServerEvent[] = [];
    const seen = new Set<ServerEvent>();
    const waiters: (() => void)[] = [];
    ws.on('message', (raw) => {
      events.push(JSON.parse(String(raw)));
      for (const w of [...waiters]) w();
    });
    const closed = new Promise<{ code: number; reason: string }>((r) => ws.on('close', (code, reason) => r({ code, reason: String(reason) })));
    ws.on('unexpected-response', (_req, res) => reject(Object.assign(new Error(`refused: ${res.statusCode}`), { status: res.statusCode })));
    ws.on('error', (err) => reject(err));
    const socket: TestSocket = {
      ws,
      events,
      closed,
      send: (data) => ws.send(typeof data === 'string' ? data : JSON.stringify(data)),
      close: () => ws.close(),
      next: (type, match, timeoutMs = 15_000) =>
        new Promise((res, rej) => {
          const find = () => {
            const hit = events.find((e) => !seen.has(e) && e.type === type && (!match || match(e as never)));
            if (!hit) return false;
            seen.add(hit);
            res(hit as never);
            return true;
          };
          if (find()) return;
          const timer = setTimeout(() => rej(new Error(`no ${type} within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.type))} state ${ws.readyState}`)), timeoutMs);
          const w = () => {
            if (find()) {
              clearTimeout(timer);
              waiters.splice(waiters.indexOf(w), 1);
            }
          };
          waiters.push(w);
        }),
    };
    ws.on('open', () => socket.next('ready').then(() => resolve(socket), reject));
  });
}
