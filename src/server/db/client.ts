import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { PGLITE_SHARED_BUFFERS_MB, type Config } from '../config.js';
import { lockDirectory } from './lock.js';
import { NamedStatementsClient } from './named-statements.js';
import { withNamedStatements } from './pglite-statements.js';
import * as schema from './schema/index.js';
import { PGLITE_EXTENSIONS } from './pglite-extensions.js';

export type Schema = typeof schema;
/** One type for both drivers: the code above this layer never knows which it has. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction, or the database itself: what data-access functions take. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  ping(): Promise<void>;
  /** How many of this build's migrations the database lacks (0: current, or newer than this build). */
  migrationsBehind(): Promise<number>;
  /** The PostgreSQL pool's connections (null for PGlite, which has one). */
  pool(): { total: number; idle: number; waiting: number } | null;
  /** PGlite only: a consistent copy of the data directory (a gzipped tar), taken between queries. */
  dump?(): Promise<Blob>;
  /**
   * PGlite only: what autovacuum does on a server. PGlite runs PostgreSQL without background
   * workers, so nothing else ever removes dead rows, keeps the visibility map, merges the search
   * index's pending entries, gathers the planner's statistics or freezes old transaction ids
   * (without which PostgreSQL stops accepting writes after two billion transactions).
   */
  vacuum?(): Promise<{ tables: number }>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATION_LOCK = 7_240_417; // any constant shared by every instance
/** When each migration of this build was generated: drizzle records the newest one it applied by this. */
const migrationTimes: number[] = (JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] }).entries.map((e) => e.when);

/** The rows of `db.execute`: node-postgres answers a result with `rows`, PGlite's drizzle driver the rows themselves. */
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

async function migrationsBehind(db: Db): Promise<number> {
  const rows = rowsOf<{ applied: string | number }>(await db.execute(sql`select coalesce(max(created_at), 0)::bigint as applied from drizzle.__drizzle_migrations`));
  const applied = Number(rows[0]?.applied ?? 0);
  return migrationTimes.filter((when) => when > applied).length;
}

/** `from`: PGlite only, a dump (`Database.dump`) to start from instead of an empty database. */
export async function openDatabase(cfg: DatabaseConfig, opts: { from?: Blob } = {}): Promise<Database> {
  return cfg.kind === 'postgres' ? openPostgres(cfg.url) : openPglite(cfg.dir, cfg.sharedBuffersMb ?? PGLITE_SHARED_BUFFERS_MB, opts.from);
}

/** The app's configuration, or (tests, the bench, backups) just where a PGlite lives. */
type DatabaseConfig = Config['database'] | { kind: 'pglite'; dir: string | null; sharedBuffersMb?: number };

/**
 * The planner's cost of reading a page out of order, for both engines: 1.1 instead of
 * PostgreSQL's 4, which assumes spinning disks. The data a hospital reads is in memory or on an
 * SSD, and at 4 the planner read every user with a hash join to name the doctors of a patient's
 * ten appointments (0.19 ms) instead of looking each one up (0.09 ms). A DATABASE_URL that sets
 * its own `options` keeps them.
 */
const RANDOM_PAGE_COST = 'random_page_cost=1.1';

async function openPglite(dir: string | null, sharedBuffersMb: number, from?: Blob): Promise<Database> {
  const unlock = dir ? lockDirectory(dir) : () => {};
  try {
    const client = await PGlite.create({
      dataDir: dir ?? undefined,
      loadDataDir: from,
      extensions: PGLITE_EXTENSIONS,
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffersMb}MB`, '-c', RANDOM_PAGE_COST],
    });
    const db = drizzlePglite({ client: withNamedStatements(client) as PGlite, schema }) as unknown as Db;
    await migratePglite(db as never, { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      ping: async () => void (await client.query('select 1')),
      migrationsBehind: () => migrationsBehind(db),
      pool: () => null,
      dump: async () => {
        // A checkpoint first, so the copy needs little recovery when it is loaded.
        await client.exec('checkpoint');
        return client.dumpDataDir('gzip');
      },
      vacuum: async () => {
        // Table by table: every statement holds the one engine (and this thread), and requests
        // go on between them. The bench's default data set (20,000 people, 500,000 messages):
        // 0.44 s with the statistics, at most 0.14 s for one table; the vacuum alone 15 ms when
        // little has changed.
        const { rows } = await client.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
        for (const { name } of rows) await client.exec(`vacuum (analyze) "${name.replace(/"/g, '""')}"`);
        return { tables: rows.length };
      },
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, Client: NamedStatementsClient, options: `-c ${RANDOM_PAGE_COST}` });
  // An idle connection that drops (a database restart) is replaced by the pool; without a
  // listener its error would end the process. Queries report their own errors.
  pool.on('error', () => {});
  // Instances starting together must not migrate at once: hold an advisory lock meanwhile.
  const conn = await pool.connect();
  try {
    await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(conn, { schema }), { migrationsFolder });
  } finally {
    await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    conn.release();
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    ping: async () => void (await db.execute(sql`select 1`)),
    migrationsBehind: () => migrationsBehind(db),
    pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}
