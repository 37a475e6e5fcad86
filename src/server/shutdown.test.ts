import { request } from 'node:http';
import { connect as connectTcp } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CLOSE } from '../contracts/realtime.js';
import { buildApp } from './app.js';
import { shutDown } from './shutdown.js';
import { testClock } from './test/clock.js';
import { buildTenant } from './test/factories.js';
import { testConfig } from './test/harness.js';
import { TINY_PNG, multipartFile } from './test/multipart.js';
import { connect, listen } from './test/sockets.js';

/** Whether a new TCP connection to the server is refused. */
const refused = (base: string) =>
  new Promise<boolean>((resolve) => {
    const socket = connectTcp(Number(new URL(base).port), '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });

describe('a graceful stop (SIGTERM)', () => {
  it('fails readiness, stops accepting, tells sockets to reconnect, finishes the request in flight, then closes the database', async () => {
    // An app with a database of its own, so closing it closes the database.
    const app = await buildApp(testConfig(mkdtempSync(join(tmpdir(), 'tm-stop-')), { DATABASE_URL: 'memory://', SHUTDOWN_DELAY_SECONDS: '0.5' }), { clock: testClock() });
    const tenant = await buildTenant(app);
    const base = await listen(app);
    const cookie = tenant.as.doctor.cookie!;
    const socket = await connect(base, '/ws/notifications/', cookie);

    // An upload under way: half its body sent, the rest once the stop has begun.
    let sendRest!: () => void;
    const rest = new Promise<void>((r) => (sendRest = r));
    const form = multipartFile(TINY_PNG, 'me.png', 'image/png');
    const half = Math.floor(form.payload.length / 2);
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${base}/api/doctors/${tenant.doctor.id}/picture`, {
        method: 'PUT',
        headers: { ...form.headers, 'content-length': String(form.payload.length), cookie, origin: base },
      }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += String(c)));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.write(form.payload.subarray(0, half));
      void rest.then(() => req.end(form.payload.subarray(half)));
    });

    const done = shutDown(app);
    // Not ready while load balancers notice (SHUTDOWN_DELAY_SECONDS), still serving meanwhile.
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', draining: true });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    // Then the listener closes, and the socket is told to reconnect elsewhere.
    expect((await socket.closed).code).toBe(CLOSE.serviceRestart);
    expect(await refused(base)).toBe(true);

    // The request in flight is still answered, in full.
    sendRest();
    const res = await answered;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ id: tenant.doctor.id, pictureUrl: expect.any(String) });

    await done;
    await expect(app.db.execute(sql`select 1`)).rejects.toThrow();
  }, 120_000);
});
