// Chat throughput and delivery latency: N patient/doctor pairs exchanging messages over
// WebSockets, through one instance, and through two instances sharing PostgreSQL and Redis.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { appointments } from '../src/server/db/schema/index.js';
import { createTestDatabase } from '../src/server/test/database.js';
import { buildHospital, buildUser, signIn } from '../src/server/test/factories.js';
import { testConfig } from '../src/server/test/harness.js';
import { connect, listen, type TestSocket } from '../src/server/test/sockets.js';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 100);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20);
// Each socket may send 10 messages a second (the gateway's per-socket limit): pace below it.
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 125);

interface Pair {
  patient: TestSocket;
  doctor: TestSocket;
}

async function setup(a: FastifyInstance, b: FastifyInstance): Promise<Pair[]> {
  const hospital = await buildHospital(a);
  const [urlA, urlB] = await Promise.all([listen(a), listen(b)]);
  const pairs: Pair[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const [doctor, patient] = await Promise.all([buildUser(a, 'doctor', hospital.id), buildUser(a, 'patient', hospital.id)]);
    const startsAt = new Date(Date.now() + (i + 1) * 86_400_000);
    const [appt] = await a.db
      .insert(appointments)
      .values({ hospitalId: hospital.id, doctorId: doctor.id, patientId: patient.id, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), status: 'confirmed' })
      .returning();
    const [dc, pc] = await Promise.all([signIn(a, doctor), signIn(b, patient)]);
    pairs.push({
      doctor: await connect(urlA, `/ws/chat/${appt!.id}/`, dc.cookie),
      patient: await connect(urlB, `/ws/chat/${appt!.id}/`, pc.cookie),
    });
  }
  return pairs;
}

/**
 * Every patient sends MESSAGES messages, one every PACE_MS, without waiting for acks; latency is
 * send to arrival at the doctor's socket. Offered load is PAIRS × 1000 / PACE_MS messages a second.
 */
async function run(pairs: Pair[]) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    pairs.map(async ({ patient, doctor }) => {
      const sentAt = new Map<string, number>();
      const arrived = new Promise<void>((resolve) => {
        let n = 0;
        doctor.ws.on('message', (raw) => {
          const e = JSON.parse(String(raw));
          if (e.type !== 'chat.message') return;
          latencies.push(performance.now() - sentAt.get(e.message.clientId)!);
          if (++n === MESSAGES) resolve();
        });
      });
      await new Promise((r) => setTimeout(r, Math.random() * PACE_MS));
      for (let i = 0; i < MESSAGES; i++) {
        const clientId = `m${i}-${Math.random().toString(36).slice(2)}`;
        sentAt.set(clientId, performance.now());
        patient.send({ type: 'chat.send', clientId, text: `message ${i}` });
        await new Promise((r) => setTimeout(r, PACE_MS));
      }
      await arrived;
      const refused = patient.events.filter((e) => e.type === 'error');
      if (refused.length) throw new Error(`${refused.length} messages refused: ${JSON.stringify(refused[0])}`);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  return { messages: latencies.length, perSecond: (latencies.length / seconds).toFixed(0), p50: pct(50), p99: pct(99) };
}

async function scenario(name: string, make: () => Promise<{ a: FastifyInstance; b: FastifyInstance; close: () => Promise<void> }>) {
  const { a, b, close } = await make();
  try {
    const pairs = await setup(a, b);
    const r = await run(pairs);
    const offered = Math.round((PAIRS * 1000) / PACE_MS);
    console.log(`${name}: ${PAIRS} pairs × ${MESSAGES} messages (offered ${offered} msg/s) = ${r.messages} delivered, ${r.perSecond} msg/s, p50 ${r.p50} ms, p99 ${r.p99} ms`);
    pairs.forEach((p) => (p.doctor.close(), p.patient.close()));
  } finally {
    await close();
  }
}

export async function chatBench() {
  const dir = mkdtempSync(join(tmpdir(), 'tm-bench-'));
  const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
  const redisUrl = process.env.REDIS_URL;

  await scenario(`chat, one instance (${pgUrl ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const database: Database = pgUrl ? await createTestDatabase() : await openDatabase({ kind: 'pglite', dir: null });
    const app = await buildApp(testConfig(dir), { database });
    return { a: app, b: app, close: async () => (await app.close(), await database.close()) };
  });

  if (!pgUrl || !redisUrl) {
    console.log('chat, two instances: skipped (set DATABASE_URL=postgres://… and REDIS_URL=redis://…)');
    return;
  }
  await scenario('chat, two instances (PostgreSQL + Redis)', async () => {
    const database = await createTestDatabase();
    const second = await openDatabase({ kind: 'postgres', url: database.url });
    const a = await buildApp(testConfig(dir, { REDIS_URL: redisUrl }), { database });
    const b = await buildApp(testConfig(dir, { REDIS_URL: redisUrl }), { database: second });
    return { a, b, close: async () => (await a.close(), await b.close(), await second.close(), await database.close()) };
  });
}
