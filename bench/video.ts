// Video: call setup in real Chromium (inside a loopback-only network namespace, beside two bare
// pages), and the signaling round trip through one instance and through two instances (Redis).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/server/db/client.js';
import { createTestDatabase } from '../src/server/test/database.js';
import { ManualClock } from '../src/server/test/clock.js';
import { allWeek, slotsOf } from '../src/server/test/appointments.js';
import { buildTenant, signIn } from '../src/server/test/factories.js';
import { testConfig } from '../src/server/test/harness.js';
import { connect, listen, type TestSocket } from '../src/server/test/sockets.js';

const ROUND_TRIPS = Number(process.env.BENCH_SIGNAL_ROUND_TRIPS ?? 200);
// A call socket takes 50 messages a second (after a burst of 200): pace below it.
const PACE_MS = 25;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

/** Doctor and patient in one admitted call, on instance `a` and `b` (the same one, or two). */
async function callBetween(a: FastifyInstance, b: FastifyInstance): Promise<{ doctor: TestSocket; patient: TestSocket }> {
  const h = await buildTenant(a, { appointmentFee: 0, timezone: 'Asia/Kathmandu' });
  const [urlA, urlB] = await Promise.all([listen(a), listen(b)]);
  const patientOnB = await signIn(b, h.patient);
  await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek(5));
  const [slot] = await slotsOf(patientOnB, h.doctor.id, 0, 1, 'Asia/Kathmandu');
  const id = (await patientOnB.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: 'Bench' })).body.id;
  await h.as.doctor.post(`/api/appointments/${id}/approve`, {});
  const token = async (c: typeof patientOnB) => (await c.post(`/api/appointments/${id}/video-call/token`)).body as { token: string; roomId: string };
  const [pt, dt] = await Promise.all([token(patientOnB), token(h.as.doctor)]);
  const patient = await connect(urlB, `/ws/video-call/${pt.roomId}/`, patientOnB.cookie, urlB, { protocols: ['tm.video', `tm.token.${pt.token}`] });
  const doctor = await connect(urlA, `/ws/video-call/${dt.roomId}/`, h.as.doctor.cookie, urlA, { protocols: ['tm.video', `tm.token.${dt.token}`] });
  doctor.send({ type: 'call.admit' });
  await patient.next('call.state', (e) => e.state.admitted);
  return { doctor, patient };
}

/** A candidate from the doctor, answered by one from the patient: the time for both to cross. */
async function roundTrips({ doctor, patient }: { doctor: TestSocket; patient: TestSocket }) {
  const candidate = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 };
  patient.ws.on('message', (raw) => {
    const e = JSON.parse(String(raw));
    if (e.type === 'call.signal') patient.send({ type: 'call.signal', engine: 'p', target: e.engine, candidate });
  });
  const times: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const started = performance.now();
    const back = new Promise<void>((resolve) => {
      const on = (raw: Buffer) => {
        const e = JSON.parse(String(raw));
        if (e.type === 'call.signal' && e.target === `d${i}`) {
          doctor.ws.off('message', on);
          resolve();
        }
      };
      doctor.ws.on('message', on);
    });
    doctor.send({ type: 'call.signal', engine: `d${i}`, candidate });
    await Promise.race([back, new Promise((_, reject) => setTimeout(() => reject(new Error(`round trip ${i} got no answer`)), 5000))]);
    times.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, PACE_MS));
  }
  return { p50Ms: Math.round(pct(times, 50) * 100) / 100, p99Ms: Math.round(pct(times, 99) * 100) / 100, roundTrips: ROUND_TRIPS };
}

async function signaling() {
  const clock = new ManualClock('2030-01-14T04:00:00Z');
  const dir = mkdtempSync(join(tmpdir(), 'tm-bench-video-'));
  const database = await createTestDatabase();
  const env = { AUTH_RATE_LIMIT_PER_MINUTE: '100000', WS_HEARTBEAT_SECONDS: '600' };
  const one = await buildApp(testConfig(dir, env), { database, clock });
  const result: Record<string, unknown> = { oneInstance: await roundTrips(await callBetween(one, one)) };
  const redis = process.env.REDIS_URL;
  if (redis && database.url.startsWith('postgres')) {
    const second = await openDatabase({ kind: 'postgres', url: database.url });
    const a = await buildApp(testConfig(dir, { ...env, REDIS_URL: redis }), { database, clock });
    const b = await buildApp(testConfig(dir, { ...env, REDIS_URL: redis }), { database: second, clock });
    result.twoInstances = await roundTrips(await callBetween(a, b));
    await Promise.all([a.close(), b.close()]);
    await second.close();
  } else result.twoInstances = 'skipped: set DATABASE_URL (PostgreSQL) and REDIS_URL';
  await one.close();
  await database.close();
  return result;
}

/** The media part needs a network namespace with only loopback (root): media must not leave 127.0.0.1. */
function media(): unknown {
  const run = spawnSync('unshare', ['-n', '--', 'bash', '-c', 'ip link set lo up && exec npx tsx bench/video-media.ts'], { encoding: 'utf8', timeout: 600_000 });
  if (run.status !== 0) return `skipped: ${(run.stderr || 'unshare -n failed (needs root)').trim().split('\n').slice(-3).join(' ')}`;
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

export async function videoBench() {
  const result = { signaling: await signaling(), setup: media() };
  console.log('\n== video');
  console.log(JSON.stringify(result, null, 2));
  return result;
}
