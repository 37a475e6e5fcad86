/**
 * Starts the real server for the end-to-end suite on an empty database, and removes that
 * database when the server stops:
 * - by default PGlite in a new temporary directory;
 * - with DATABASE_URL set (CI's PostgreSQL run), a new database next to the one named there.
 * Playwright's webServer runs this; it stops the process group with SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const env = { ...process.env };
let cleanup: () => Promise<void> = async () => {};

const databaseUrl = env.DATABASE_URL;
if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) {
  const name = `tm_e2e_${Date.now()}_${process.pid}`;
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database "${name}"`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = () => run(`drop database if exists "${name}" with (force)`);
  console.log(`e2e: PostgreSQL database ${name}`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'telemedicine-e2e-'));
  env.DATA_DIR = dir;
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: 'inherit' });

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  // The signal went to the whole process group, so the server is closing already; make sure
  // it does not linger if only this process was signalled.
  setTimeout(() => server.kill('SIGKILL'), 10_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.on('exit', (code, signal) => {
  cleanup()
    .catch((error: unknown) => console.error('e2e: could not remove the test database', error))
    .finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
