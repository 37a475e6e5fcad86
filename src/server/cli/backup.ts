import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { writeBackup } from '../backup/archive.js';
import { requestBackup } from '../backup/control.js';
import { loadConfig } from '../config.js';
import { lockDirectory } from '../db/lock.js';
import { PGLITE_EXTENSIONS } from '../db/pglite-extensions.js';

/**
 * npm run backup -- [--out backup.tar]
 * The embedded database and the upload folder in one tar file, consistent whether or not the
 * server runs: a running server makes it itself (backup/control.ts), otherwise this command
 * opens the database. PostgreSQL is backed up with pg_dump (docs/deploy.md, Backups).
 */
async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig();
  if (config.database.kind === 'postgres') {
    console.error('DATABASE_URL names a PostgreSQL server: back it up with pg_dump (docs/deploy.md, Backups), and the uploads with your storage\'s tools.');
    process.exit(2);
  }
  const dir = config.database.dir;
  if (!dir) throw new Error('DATABASE_URL=memory:// keeps nothing to back up');
  const out = resolve(values.out ?? `telemedicine-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar`);
  const uploadsDir = config.s3 ? null : config.uploadsDir;
  const done =
    (await requestBackup(config.dataDir, out)) ??
    // No server runs on this DATA_DIR: open the database ourselves, holding its lock meanwhile.
    (await (async () => {
      const unlock = lockDirectory(dir);
      const pg = await PGlite.create({ dataDir: dir, extensions: PGLITE_EXTENSIONS });
      try {
        await pg.exec('checkpoint');
        return await writeBackup(out, { dump: () => pg.dumpDataDir('gzip'), uploadsDir, holdRemovals: () => async () => {} });
      } finally {
        await pg.close();
        unlock();
      }
    })());
  console.log(`Backup written: ${done.file} (${(done.bytes / 1024 / 1024).toFixed(1)} MB)${uploadsDir ? '' : '; uploads are in S3 and not in it'}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
