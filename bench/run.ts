// npm run bench [-- --small] [--db=pglite,postgres] [--only=http,booking,chat,footprint,video]
// Seeds each database, starts the server as production runs it, drives it from this process
// over loopback, and prints each figure beside its ceiling measured in the same run; the JSON
// goes to bench/results/. It asserts nothing: the targets are read from the table.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { startBare } from './bare/spawn.js';
import { createBenchDatabase, type Kind } from './database.js';
import { bareFigure, httpFigures, signInFigure, type HttpFigure } from './http.js';
import { peopleOf } from './people.js';
import { printReport, type Pass, type Report } from './report.js';
import { SIZES, type Size } from './seed.js';
import { serverMode, SESSION_SECRET, startServer } from './server.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string?]));
const small = args.has('small');
const kinds = (args.get('db') ?? 'pglite,postgres').split(',') as Kind[];
const only = args.get('only') ? new Set(args.get('only')!.split(',')) : null;
const wants = (scenario: string) => !only || only.has(scenario);

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
for (const kind of kinds) {
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
        const ceiling = await bareFigure(bare.origin).finally(() => bare.stop());
        const figures: HttpFigure[] = [ceiling, ...(await httpFigures(server.origin, people, db.seeded.today))];
        if (size.name === plan.at(-1)!.size.name) figures.push(await signInFigure(server.origin, people.patients.length));
        pass.scenarios.http = figures;
      }
      pass.scenarios.afterLoad = { rssMb: server.rssMb() };
    } finally {
      await server.stop();
      await db.drop();
    }
  }
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

function log(what: string) {
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s, load ${loadavg()[0]!.toFixed(1)}] ${what}`);
}
function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
