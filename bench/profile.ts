// npm run bench:profile -- [--db=postgres|pglite] [--size=small|default] [--only=<figure names, comma-separated>]
// One data set (small unless asked), the server under `node --cpu-prof`, the http figures asked for (or `chat`:
// the chat scenario's round trips and burst); then the
// functions that took the most CPU (self time), and the .cpuprofile for Chrome's DevTools.
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { burst, closePairs, openPairs, pairsOf, sequential } from './chat.js';
import { createBenchDatabase, type Kind } from './database.js';
import { httpFigures } from './http.js';
import { peopleOf } from './people.js';
import { SIZES } from './seed.js';
import { SESSION_SECRET, startServer } from './server.js';

const args = new Map(process.argv.slice(2).map((a): [string, string | undefined] => {
  const [k, v] = a.replace(/^--/, '').split('=');
  return [k!, v];
}));
const kind = (args.get('db') ?? 'postgres') as Kind;
const only = args.get('only') ? new Set(args.get('only')!.split(',')) : undefined;
const dir = mkdtempSync(join(tmpdir(), 'tm-prof-'));
const db = await createBenchDatabase(kind, SIZES[(args.get('size') ?? 'small') as keyof typeof SIZES], SESSION_SECRET);
const server = await startServer(db.env, { cpuProf: dir });
try {
  const people = peopleOf(db.seeded);
  if (only?.has('chat')) {
    const open = await openPairs(pairsOf(db.seeded, people), server.origin, server.origin);
    console.log('sequential', await sequential(open));
    console.log('burst', await burst(open));
    closePairs(open);
  } else for (const f of await httpFigures(server.origin, people, db.seeded.today, only)) console.log(f);
} finally {
  await server.stop();
  await db.drop();
}
const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!);
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[] };
const self = new Map<number, number>();
for (const s of profile.samples) self.set(s, (self.get(s) ?? 0) + 1);
const byName = new Map<string, number>();
for (const n of profile.nodes) {
  const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/src\//, 'src/')}:${n.callFrame.lineNumber + 1}`;
  byName.set(key, (byName.get(key) ?? 0) + (self.get(n.id) ?? 0));
}
const total = profile.samples.length;
console.log(`\nself time, top 25 of ${total} samples (${file})`);
for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
process.exit(0);
