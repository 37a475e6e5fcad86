import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sniffType } from './sniff.js';

/** An upload received on disk, its type read from its bytes; the store takes it from there. */
export interface SpooledFile {
  path: string;
  type: string;
  size: number;
  /** The name the sender gave it (to show, never to store under). */
  filename: string;
  /** Removes the spooled copy if the store has not taken it (safe to call twice). */
  discard(): Promise<void>;
}

/** Bytes enough for every signature sniffType knows (DICOM's is at 128). */
const HEAD = 132;

/**
 * Streams an upload to a file in `dir` chunk by chunk (never held in memory whole), reading its
 * real type from its first bytes. A type outside `types` is drained without being written and
 * answered with null, like a stream cut short by the size limit (the caller checks `truncated`).
 */
export async function spool(source: Readable, filename: string, dir: string, types: readonly string[]): Promise<SpooledFile | null> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomBytes(16).toString('base64url')}.part`);
  let head: Buffer | null = Buffer.alloc(0);
  let type: string | null = null;
  let refused = false;
  let size = 0;
  const decide = (self: Transform) => {
    type = sniffType(head!);
    refused = !type || !types.includes(type);
    if (!refused) self.push(head);
    head = null;
  };
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= HEAD) decide(this);
      } else if (!refused) this.push(chunk);
      done();
    },
    flush(done) {
      if (head) decide(this);
      done();
    },
  });
  const discard = () => rm(path, { force: true });
  try {
    await pipeline(source, check, createWriteStream(path, { mode: 0o600 }));
  } catch (e) {
    await discard();
    throw e;
  }
  if (refused || !type) {
    await discard();
    return null;
  }
  return { path, type, size, filename, discard };
}

/** Spooled files a crash left behind (older than an hour: another instance may be receiving now). */
export async function sweepSpool(dir: string) {
  const names = await readdir(dir).catch(() => [] as string[]);
  const old = Date.now() - 3_600_000;
  for (const name of names) {
    const path = join(dir, name);
    if (((await stat(path).catch(() => null))?.mtimeMs ?? Infinity) < old) await rm(path, { force: true });
  }
}
