import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client.js';

/**
 * vitest's global setup: one migrated PGlite, dumped to a file that every test file's database
 * starts from (createTestDatabase), instead of each running initdb and the migrations again.
 * The migrations still run on each copy, finding nothing to do: a copy is never behind.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (url && !url.startsWith('memory://')) return;
  const db = await openDatabase({ kind: 'pglite', dir: null });
  const dump = await db.dump!();
  await db.close();
  const dir = mkdtempSync(join(tmpdir(), 'tm-pglite-template-'));
  const file = join(dir, 'migrated.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  // Inherited by the test workers, which are started after this.
  process.env.TEST_PGLITE_TEMPLATE = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
