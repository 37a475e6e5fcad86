import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../config.js';
import { s3Store } from './s3-storage.js';
import { EXTENSIONS } from './sniff.js';
import { sweepSpool, type SpooledFile } from './spool.js';

export type Area = 'attachments' | 'pictures';

/**
 * Where uploads live: a local folder (the embedded default) or an S3-compatible bucket. Names
 * are ours (random), never a client's: nothing a client sends becomes part of a path or key.
 */
export interface FileStore {
  kind: 'local' | 's3';
  /** Where uploads are spooled while they arrive (spool.ts). */
  spoolDir: string;
  /** Takes a spooled upload into `area` and returns the name it is stored under. */
  put(area: Area, file: SpooledFile): Promise<string>;
  /** A stream of the stored file (rejects when it is missing). */
  open(area: Area, name: string): Promise<Readable>;
  remove(area: Area, name: string): Promise<void>;
  /** Keeps removals back until the returned release is called (a backup copies the folder meanwhile). */
  holdRemovals(): () => Promise<void>;
}

export const newName = (type: string) => `${randomBytes(16).toString('base64url')}.${EXTENSIONS[type] ?? 'bin'}`;

export function checkedName(name: string): string {
  if (!/^[A-Za-z0-9_-]+\.[a-z0-9]+$/.test(name)) throw new Error(`unsafe stored file name: ${name}`);
  return name;
}

/** The store the configuration names: S3 when S3_BUCKET is set, DATA_DIR/uploads otherwise. */
export function openFileStore(config: Pick<Config, 'uploadsDir' | 's3'>): FileStore {
  const spoolDir = join(config.uploadsDir, '.incoming');
  void sweepSpool(spoolDir);
  return config.s3 ? s3Store(config.s3, spoolDir) : localStore(config.uploadsDir, spoolDir);
}

/** Files under DATA_DIR/uploads/<area>, outside the web root. */
export function localStore(uploadsDir: string, spoolDir = join(uploadsDir, '.incoming')): FileStore {
  const pathOf = (area: Area, name: string) => join(uploadsDir, area, checkedName(name));
  let holds = 0;
  const held: (() => Promise<void>)[] = [];
  return {
    kind: 'local',
    spoolDir,
    async put(area, file) {
      await mkdir(join(uploadsDir, area), { recursive: true });
      const name = newName(file.type);
      // The spool is in the same file system: the file appears whole, at once.
      await rename(file.path, pathOf(area, name));
      return name;
    },
    open: (area, name) =>
      new Promise((resolve, reject) => {
        const stream = createReadStream(pathOf(area, name));
        stream.once('open', () => resolve(stream)).once('error', reject);
      }),
    async remove(area, name) {
      const path = pathOf(area, name);
      if (holds > 0) held.push(() => rm(path, { force: true }));
      else await rm(path, { force: true });
    },
    holdRemovals() {
      holds++;
      return async () => {
        if (--holds > 0) return;
        for (const removal of held.splice(0)) await removal();
      };
    },
  };
}
