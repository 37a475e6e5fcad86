import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.js';

/**
 * A fresh database for one test file: in-memory PGlite by default, or a new PostgreSQL
 * database (dropped afterwards) on the server DATABASE_URL names. Under vitest the PGlite one
 * starts from a migrated copy made once per run (pglite-template.ts): a fresh PGlite spends
 * seconds in initdb and the migrations, once per test file otherwise.
 */
export async function createTestDatabase(): Promise<Database & { url: string }> {
  const base = process.env.DATABASE_URL;
  if (!base || base.startsWith('memory://')) {
    const template = process.env.TEST_PGLITE_TEMPLATE;
    const from = template ? new Blob([readFileSync(template)]) : undefined;
    const db = await openDatabase({ kind: 'pglite', dir: null }, { from });
    return { ...db, url: 'memory://' };
  }
  const name = `tm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    ...db,
    url: url.toString(),
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
