// npm run bench:inject -- [--db=postgres|pglite] [--n=3000] [--profile=<file>] "<who> <path>" ...
// What one request costs the server, without the network or a load generator sharing its cores:
// the compiled app (dist/) in this process, each request through `app.inject`, one at a time, as
// the next of the bench's people (who: patient, doctor or admin; {h} in the path is their
// hospital's id, {me} their own); logging is off unless LOG_LEVEL says. Prints the process's CPU
// and the wall time per request; with --profile, a CPU profile of the measured requests alone
// (for Chrome's DevTools). A busy machine disturbs this far less than a load run, so it is where
// a change's cost shows (decision 27). The small data set.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createBenchDatabase, type Kind } from './database.js';
import { peopleOf, turns, type Person } from './people.js';
import { ids, SIZES } from './seed.js';
import { BENCH_LIMITS, SESSION_SECRET } from './server.js';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const asked = args.filter((a) => !a.startsWith('--'));
const n = Number(option('n') ?? 3000);
const db = await createBenchDatabase((option('db') ?? 'postgres') as Kind, SIZES.small, SESSION_SECRET);
Object.assign(process.env, { NODE_ENV: 'production', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', SESSION_SECRET, COOKIE_SECURE: 'false', PUBLIC_URL: 'http://127.0.0.1', WEB_DIR: 'dist/web', ...BENCH_LIMITS, ...db.env });
// The compiled server, as production runs it (npm run build first); a variable path keeps tsc from compiling it in.
const dist = './../dist/server';
const { buildApp } = (await import(`${dist}/app.js`)) as typeof import('../src/server/app.js');
const { loadConfig } = (await import(`${dist}/config.js`)) as typeof import('../src/server/config.js');
const app = await buildApp(loadConfig());
const people = peopleOf(db.seeded);
const next: Record<string, () => Person> = { patient: turns(people.patients), doctor: turns(people.doctors), admin: turns(people.admins) };
const inspector = new Session();
inspector.connect();
try {
  for (const spec of asked) {
    const [who, path] = spec.split(' ') as [string, string];
    if (!next[who] || !path) throw new Error(`"${spec}": expected "<patient|doctor|admin> <path>"`);
    const request = () => {
      const p = next[who]!();
      const url = path.replace('{h}', ids.hospital(p.hospital)).replace('{me}', p.id);
      return app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br, zstd', cookie: p.cookie } });
    };
    // Warm: every prepared statement made, the JIT settled; and a refused path fails loudly here.
    for (let i = 0; i < 300; i++) {
      const res = await request();
      if (res.statusCode !== 200) throw new Error(`${spec}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
    const profile = option('profile');
    if (profile) {
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
      await inspector.post('Profiler.start');
    }
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < n; i++) await request();
    const used = process.cpuUsage(cpu);
    const wallUs = ((performance.now() - started) * 1000) / n;
    if (profile) writeFileSync(profile, JSON.stringify((await inspector.post('Profiler.stop')).profile));
    console.log(`${spec}: CPU ${Math.round((used.user + used.system) / n)} µs, wall ${Math.round(wallUs)} µs per request (${n}, one at a time)`);
  }
} finally {
  await app.close();
  await db.drop();
}
process.exit(0);
