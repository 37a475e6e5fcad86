// A fresh database for one bench pass: a PGlite directory, or a new PostgreSQL database next to
// the one BENCH_POSTGRES_URL (or 127.0.0.1:5432) names. Migrated by the app's own code, seeded,
// closed; the server then opens it like production does.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.js';
import { seed, type Seeded, type Size } from './seed.js';

export type Kind = 'pglite' | 'postgres';

export interface BenchDatabase {
  kind: Kind;
  /** What the server's environment needs to open it. */
  env: Record<string, string>;
  /** For a second instance or a helper connection (PostgreSQL only). */
  url: string | null;
  seeded: Seeded;
  seedSeconds: number;
  drop(): Promise<void>;
}

export const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(query: string) {
  const c = new pg.Client({ connectionString: POSTGRES_URL });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

export async function createBenchDatabase(kind: Kind, size: Size, secret: string): Promise<BenchDatabase> {
  const started = performance.now();
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'tm-bench-'));
    const database = await openDatabase({ kind: 'pglite', dir: join(dataDir, 'pglite') });
    const seeded = await seed(database, size, secret).finally(() => database.close());
    return {
      kind,
      env: { DATA_DIR: dataDir },
      url: null,
      seeded,
      seedSeconds: (performance.now() - started) / 1000,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `tm_bench_${randomBytes(5).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  const seeded = await seed(database, size, secret).finally(() => database.close());
  return {
    kind,
    env: { DATABASE_URL: url.toString(), DATA_DIR: mkdtempSync(join(tmpdir(), 'tm-bench-')) },
    url: url.toString(),
    seeded,
    seedSeconds: (performance.now() - started) / 1000,
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
