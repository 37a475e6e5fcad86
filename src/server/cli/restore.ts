import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../backup/archive.js';
import { loadConfig } from '../config.js';
import { lockDirectory } from '../db/lock.js';

/**
 * npm run restore -- backup.tar [--force]
 * Restores `npm run backup`'s file into DATA_DIR while no server runs there. With --force what
 * is there is kept beside it (…before-restore-<time>) instead of refusing.
 */
async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' } } });
  const file = positionals[0];
  if (!file) throw new Error('usage: npm run restore -- <backup.tar> [--force]');
  const config = loadConfig();
  if (config.database.kind !== 'pglite' || !config.database.dir) throw new Error('restore is for the embedded database (unset DATABASE_URL); PostgreSQL restores with pg_restore (docs/deploy.md)');
  // Refused while a server has the directory open; released before the restore moves it.
  lockDirectory(join(config.dataDir, 'pglite'))();
  const manifest = await restoreBackup(resolve(file), config.dataDir, { force: values.force });
  console.log(`Restored the backup of ${manifest.createdAt} into ${config.dataDir}. Start the server.`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
