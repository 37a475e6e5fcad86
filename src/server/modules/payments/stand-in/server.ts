import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KhaltiStandIn, type StandInOptions } from './khalti-stand-in.js';

const MAX_BODY = 64 * 1024;

export interface RunningKhaltiStandIn {
  /** Where it listens, e.g. `http://127.0.0.1:8451` (its checkout page is `<url>/pay/`). */
  url: string;
  /** What `KHALTI_BASE_URL` should be: `<url>/api/v2/`. */
  baseUrl: string;
  /** What `KHALTI_SECRET_KEY` must be. */
  secretKey: string;
  /** Its state and what tests tell it: pay, cancel, expire, setStatus, fail, orders, calls. */
  controls: KhaltiStandIn;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<string | null> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * The Khalti stand-in as a real HTTP server of its own (tests; `npm run khalti-stand-in`).
 * Port 0 picks a free one. `publicUrl`: where people reach it, when a proxy stands in front.
 */
export async function startKhaltiStandIn(opts: StandInOptions & { port?: number; host?: string; publicUrl?: string } = {}): Promise<RunningKhaltiStandIn> {
  const controls = new KhaltiStandIn(opts);
  const host = opts.host ?? '127.0.0.1';
  let base = '';
  const server = createServer((req, res) => {
    const done = new AbortController();
    res.on('close', () => done.abort());
    void (async () => {
      const body = await readBody(req);
      if (body === null) return void res.writeHead(413, { 'content-type': 'application/json' }).end('{"detail":"Request too large."}');
      const url = new URL(req.url ?? '/', base);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
      const out = await controls.handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body, base, signal: done.signal });
      if (!res.destroyed) res.writeHead(out.status, out.headers).end(out.body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // Behind a TLS proxy its checkout links name the proxy's address (`--public-url`).
  base = opts.publicUrl?.replace(/\/+$/, '') ?? `http://${host}:${port}`;
  return {
    url: base,
    baseUrl: `${base}/api/v2/`,
    secretKey: controls.secretKey,
    controls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
