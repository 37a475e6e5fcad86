import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXTENSIONS } from './sniff.js';

/**
 * Uploaded files live under DATA_DIR/uploads, outside the web root, under names we choose:
 * nothing a client sends becomes part of a path.
 */
export function fileStore(uploadsDir: string, area: string) {
  const dir = join(uploadsDir, area);
  const pathOf = (name: string) => {
    if (!/^[A-Za-z0-9_-]+\.[a-z0-9]+$/.test(name)) throw new Error(`unsafe stored file name: ${name}`);
    return join(dir, name);
  };
  return {
    async save(bytes: Uint8Array, type: string): Promise<string> {
      await mkdir(dir, { recursive: true });
      const name = `${randomBytes(16).toString('base64url')}.${EXTENSIONS[type] ?? 'bin'}`;
      await writeFile(pathOf(name), bytes, { mode: 0o600 });
      return name;
    },
    open: (name: string) => createReadStream(pathOf(name)),
    remove: (name: string) => rm(pathOf(name), { force: true }),
  };
}
