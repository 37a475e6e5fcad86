import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { create, extract, replace } from 'tar';
import { PGLITE_EXTENSIONS } from '../db/pglite-extensions.js';

/**
 * A backup of the embedded installation is one tar file: `manifest.json`, `database.tar.gz`
 * (PGlite's own dump of its data directory) and `uploads/` (the files as they are). The
 * database is dumped first and no upload is removed until the files are copied, so every file
 * the database names is in the archive.
 */
export interface Manifest {
  format: 1;
  createdAt: string;
  database: 'pglite';
  uploads: 'included' | 'in-object-storage';
}

export interface BackupSource {
  /** A consistent dump of the database (a gzipped tar of PGlite's data directory). */
  dump(): Promise<Blob>;
  /** DATA_DIR/uploads, or null when uploads live in a bucket. */
  uploadsDir: string | null;
  holdRemovals(): () => Promise<void>;
}

export async function writeBackup(out: string, source: BackupSource): Promise<{ file: string; bytes: number }> {
  await mkdir(dirname(out), { recursive: true });
  const staging = await mkdtemp(join(dirname(out), '.backup-'));
  const partial = `${out}.partial`;
  const release = source.holdRemovals();
  try {
    const manifest: Manifest = { format: 1, createdAt: new Date().toISOString(), database: 'pglite', uploads: source.uploadsDir ? 'included' : 'in-object-storage' };
    await writeFile(join(staging, 'database.tar.gz'), Buffer.from(await (await source.dump()).arrayBuffer()));
    await writeFile(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    await create({ file: partial, cwd: staging, portable: true }, ['manifest.json', 'database.tar.gz']);
    if (source.uploadsDir && existsSync(source.uploadsDir)) {
      const folder = basename(source.uploadsDir);
      // Not the spool of uploads still arriving.
      await replace({ file: partial, cwd: dirname(source.uploadsDir), portable: true, filter: (path) => !path.startsWith(`${folder}/.incoming`) }, [folder]);
    }
    await rename(partial, out);
  } finally {
    await release();
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
  return { file: out, bytes: (await stat(out)).size };
}

export class RestoreError extends Error {}

/**
 * Restores a backup into DATA_DIR (no server may have it open). What is there already is kept
 * beside it (`pglite.before-restore-<time>`, `uploads.before-restore-<time>`) with `force`, and
 * refused without.
 */
export async function restoreBackup(file: string, dataDir: string, options: { force?: boolean } = {}): Promise<Manifest> {
  await mkdir(dataDir, { recursive: true });
  const staging = await mkdtemp(join(dataDir, '.restore-'));
  try {
    await extract({ file, cwd: staging });
    const manifest = JSON.parse(await readFile(join(staging, 'manifest.json'), 'utf8').catch(() => '{}')) as Manifest;
    if (manifest.format !== 1 || manifest.database !== 'pglite') throw new RestoreError(`${file} is not a backup this version can restore`);
    const pgliteDir = join(dataDir, 'pglite');
    const uploadsDir = join(dataDir, 'uploads');
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (const dir of [pgliteDir, uploadsDir]) {
      if (!(await isEmpty(dir))) {
        if (!options.force) throw new RestoreError(`${dir} is not empty: restore into an empty DATA_DIR, or pass --force to keep the current one aside`);
        await rename(dir, `${dir}.before-restore-${stamp}`);
      }
    }
    const loadDataDir = new Blob([await readFile(join(staging, 'database.tar.gz'))]);
    const pg = await PGlite.create({ dataDir: pgliteDir, loadDataDir, extensions: PGLITE_EXTENSIONS });
    await pg.close();
    // The lock of the server the copy was taken from came along: it is not ours.
    await rm(join(pgliteDir, 'server.lock'), { force: true });
    if (existsSync(join(staging, 'uploads'))) await cp(join(staging, 'uploads'), uploadsDir, { recursive: true });
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const isEmpty = async (dir: string) => (await readdir(dir).catch(() => [])).length === 0;
