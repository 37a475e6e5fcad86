import { chmodSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { writeBackup } from './archive.js';

/** The control socket of a server on the embedded database, in its DATA_DIR. */
export const controlSocket = (dataDir: string) => join(dataDir, 'backup.sock');

/**
 * A running server holds its PGlite directory (db/lock.ts): no other process may open it, so
 * `npm run backup` asks the server itself, over a Unix socket only its own user can open (the
 * file system's permissions are the authentication). The server dumps the database between
 * queries and copies the uploads, holding back removals meanwhile.
 */
export function serveBackups(app: FastifyInstance, database: Database) {
  if (!database.dump || app.config.database.kind !== 'pglite' || !app.config.database.dir) return;
  const dump = database.dump;
  const path = controlSocket(app.config.dataDir);
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      let out: unknown;
      try {
        out = req.method === 'POST' && req.url === '/backup' ? (JSON.parse(body || '{}') as { out?: unknown }).out : undefined;
      } catch {
        out = undefined;
      }
      if (typeof out !== 'string' || !out.startsWith('/')) return void res.writeHead(400).end(JSON.stringify({ error: 'POST /backup {"out": "/absolute/path.tar"}' }));
      app.log.info('backup requested over the control socket');
      writeBackup(out, { dump, uploadsDir: app.files.kind === 'local' ? app.config.uploadsDir : null, holdRemovals: () => app.files.holdRemovals() }).then(
        (done) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(done)),
        (err: unknown) => {
          app.log.error({ err }, 'backup failed');
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
        },
      );
    });
  });
  // Our lock on the directory is held: a socket file here is a crashed run's leftover.
  rmSync(path, { force: true });
  // Without the socket, backups still work with the server stopped: say so, and serve on.
  server.on('error', (err) => app.log.warn({ err }, `no backup control socket at ${path}: npm run backup needs the server stopped`));
  server.listen(path, () => chmodSync(path, 0o600));
  server.unref();
  app.addHook('onClose', async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(path, { force: true });
  });
}

/** Asks the server on `dataDir` for a backup; null when no server listens there. */
export function requestBackup(dataDir: string, out: string): Promise<{ file: string; bytes: number } | null> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: controlSocket(dataDir), method: 'POST', path: '/backup', headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => {
        const answer = JSON.parse(body || '{}') as { file: string; bytes: number; error?: string };
        if (res.statusCode === 200) resolve(answer);
        else reject(new Error(`the server could not make the backup: ${answer.error ?? res.statusCode}`));
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => (['ENOENT', 'ECONNREFUSED'].includes(err.code ?? '') ? resolve(null) : reject(err)));
    req.end(JSON.stringify({ out }));
  });
}
