import { spawn } from 'node:child_process';
import { freePort } from './free-port.js';
import { serverEnv } from './server-env.js';

/**
 * Another server of a spec's own (relay-only video, mail to a test SMTP server), on a free port
 * and an embedded database of its own, started and stopped by the spec. `more` gets the
 * server's address, for settings that name it (PUBLIC_URL).
 */
export async function startOwnServer(more: (url: string) => Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/start-server.ts'], {
    env: { ...process.env, ...serverEnv(port, { DATABASE_URL: '', REDIS_URL: '', ...more(url) }) },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ok = await fetch(`${url}/api/public/hospitals`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error('the extra server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
