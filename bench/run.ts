// npm run bench [-- --small] [--db=pglite,postgres] [--only=http,booking,chat,footprint,video]
// Seeds each database, starts the server as production runs it, drives it from this process
// over loopback, and prints each figure beside its ceiling measured in the same run; the JSON
// goes to bench/results/. It asserts nothing: the targets are read from the table.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { startBare } from './bare/spawn.js';
import { cpuSeconds, meterFor } from './cpu.js';
import { createBenchDatabase, type Kind } from './database.js';
import { bookingFigure } from './booking.js';
import { burst, closePairs, openPairs, pairsOf, sequential, type Pair } from './chat.js';
import { openIdle } from './footprint.js';
import { bareFigure, httpFigures, signInFigure, type HttpFigure } from './http.js';
import { peopleOf, type People } from './people.js';
import { printReport, type Pass, type Report } from './report.js';
import { SIZES, type Size } from './seed.js';
import { serverMode, SESSION_SECRET, startServer, type Server } from './server.js';
import { videoBench } from './video.js';

const args = new Map<string, string | undefined>(process.argv.slice(2).map((a): [string, string | undefined] => {
  const [k, v] = a.replace(/^--/, '').split('=');
  return [k!, v];
}));
const small = args.has('small');
const kinds = (args.get('db') ?? 'pglite,postgres').split(',') as Kind[];
const only = args.get('only') ? new Set(args.get('only')!.split(',')) : null;
const wants = (scenario: string) => !only || only.has(scenario);
const PAIRS = 500;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const started = performance.now();
if (!existsSync('dist/web/index.html')) execFileSync('npm', ['run', 'build:web', '--silent'], { stdio: 'inherit' });

/** At the default size every scenario runs; the small size beside it is for growth (http and chat). */
const plan: { size: Size; scenarios: string[] }[] = small
  ? [{ size: SIZES.small, scenarios: ['http', 'booking', 'chat', 'footprint'] }]
  : [
      { size: SIZES.small, scenarios: ['http', 'chat'] },
      { size: SIZES.default, scenarios: ['http', 'booking', 'chat', 'footprint'] },
    ];

const passes: Pass[] = [];
// `--only=video` needs no seeded database.
for (const kind of only && [...only].every((s) => s === 'video') ? [] : kinds) {
  for (const { size, scenarios } of plan) {
    const pass: Pass = { database: kind, size: size.name, load: loadavg()[0]!, scenarios: {} };
    passes.push(pass);
    log(`${kind}, ${size.name} size: seeding`);
    const db = await createBenchDatabase(kind, size, SESSION_SECRET);
    pass.seedSeconds = Math.round(db.seedSeconds);
    pass.counts = db.seeded.counts;
    const server = await startServer(db.env);
    try {
      const people = peopleOf(db.seeded);
      pass.scenarios.startup = { startupMs: Math.round(server.startupMs) };
      await sleep(2000);
      pass.scenarios.rest = { rssMb: server.rssMb() };
      if (scenarios.includes('http') && wants('http')) {
        log(`${kind}, ${size.name}: http`);
        const bare = await startBare('http');
        const ceiling = await bareFigure(bare.origin, { server: () => cpuSeconds(bare.pid) }).finally(() => bare.stop());
        const cpu = meterFor(server.pid, kind);
        const figures: HttpFigure[] = [ceiling, ...(await httpFigures(server.origin, people, db.seeded.today, undefined, cpu))];
        if (size.name === plan.at(-1)!.size.name) figures.push(await signInFigure(server.origin, people.patients.length, cpu));
        pass.scenarios.http = figures;
      }
      if (scenarios.includes('booking') && wants('booking')) {
        log(`${kind}, ${size.name}: booking`);
        pass.scenarios.booking = await bookingFigure(server.origin, people, db.seeded.today);
      }
      if (scenarios.includes('chat') && wants('chat')) {
        log(`${kind}, ${size.name}: chat`);
        pass.scenarios.chat = await chatScenario(server, pairsOf(db.seeded, people, PAIRS), kind === 'postgres' ? db.env : null);
      }
      pass.scenarios.afterLoad = { rssMb: server.rssMb() };
      if (scenarios.includes('footprint') && wants('footprint')) {
        log(`${kind}, ${size.name}: footprint`);
        pass.scenarios.footprint = await footprint(server, people, pairsOf(db.seeded, people, PAIRS));
      }
    } finally {
      await server.stop();
      await db.drop();
    }
  }
}

if (wants('video')) {
  log('video');
  passes.push({ database: 'pglite', size: 'video', load: loadavg()[0]!, scenarios: { video: await videoBench() } });
}

const report: Report = {
  at: new Date().toISOString(),
  server: serverMode(),
  cpus: cpus().length,
  minutes: 0,
  passes,
};
report.minutes = Math.round(((performance.now() - started) / 60_000) * 10) / 10;
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${report.at.replace(/[:.]/g, '-')}${small ? '-small' : ''}.json`;
writeFileSync(file, JSON.stringify(report, null, 2));
printReport(report);
console.log(`\nSaved ${file} (${report.minutes} min)`);
process.exit(0);

/** One instance, beside the bare relay; and two instances through Redis when on PostgreSQL. */
async function chatScenario(server: Server, pairs: Pair[], postgresEnv: Record<string, string> | null) {
  const out: Record<string, unknown> = { pairs: pairs.length };
  const relay = await startBare('relay');
  try {
    const open = await openPairs(pairs, relay.origin, relay.origin, false);
    log(`chat: relaySequential`);
    out.relaySequential = await sequential(open);
    log(`chat: relayBurst`);
    out.relayBurst = await burst(open, 0);
    closePairs(open);
  } finally {
    await relay.stop();
  }
  const open = await openPairs(pairs, server.origin, server.origin);
  log(`chat: sequential`);
  out.sequential = await sequential(open);
  log(`chat: burst`);
  out.burst = await burst(open);
  closePairs(open);
  if (postgresEnv && REDIS_URL) {
    const [a, b] = await Promise.all([startServer({ ...postgresEnv, REDIS_URL }), startServer({ ...postgresEnv, REDIS_URL })]);
    try {
      const two = await openPairs(pairs, b.origin, a.origin);
      log(`chat: twoSequential`);
      out.twoSequential = await sequential(two);
      log(`chat: twoBurst`);
      out.twoBurst = await burst(two);
      closePairs(two);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }
  return out;
}

/** RSS with 1,000 and 10,000 idle signed-in sockets, and chat among 50 pairs across a heartbeat meanwhile. */
async function footprint(server: Server, people: People, pairs: Pair[]) {
  const before = server.rssMb();
  const idle = await openIdle(server.origin, people.patients, 1000);
  await sleep(3000);
  const with1k = server.rssMb();
  idle.push(...(await openIdle(server.origin, people.patients, 9000, 1000)));
  await sleep(3000);
  const with10k = server.rssMb();
  const active = await openPairs(pairs.slice(0, 50), server.origin, server.origin);
  // 2 messages a second from each side for 30 s: at least one heartbeat (25 s) falls inside.
  const chat = await burst(active, 2, 60);
  closePairs(active);
  idle.forEach((ws) => ws.terminate());
  return { rssBeforeMb: before, rssWith1kMb: with1k, rssWith10kMb: with10k, addedBy10kMb: with10k - before, chatAmong10k: chat };
}

function log(what: string) {
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s, load ${loadavg()[0]!.toFixed(1)}] ${what}`);
}
function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
