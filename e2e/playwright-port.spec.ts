import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';

/**
 * The suite's own server port: a free one unless E2E_PORT names it, chosen once in the runner
 * and inherited by the workers (which evaluate the config again), so two runs on one machine
 * never collide and every process of one run agrees.
 */
function evaluateConfig(env: NodeJS.ProcessEnv) {
  const script = `import('./playwright.config.ts').then((c) => process.stdout.write(JSON.stringify({ baseURL: c.default.use.baseURL, port: process.env.E2E_PORT })))`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { baseURL: string; port: string };
}

const listen = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

test('without E2E_PORT a free port is chosen, once for the runner and its workers', async () => {
  // The old fixed port is taken, as by another run on the same machine.
  const taken = await listen(8321).catch(() => null);
  try {
    const { E2E_PORT: _ignored, E2E_BASE_URL: _external, ...env } = process.env;
    const runner = evaluateConfig(env);
    expect(runner.port).toMatch(/^\d+$/);
    expect(runner.baseURL).toBe(`http://127.0.0.1:${runner.port}`);
    expect(runner.port).not.toBe('8321');
    // A worker inherits the runner's environment and lands on the same port.
    const worker = evaluateConfig({ ...env, E2E_PORT: runner.port });
    expect(worker.baseURL).toBe(runner.baseURL);
  } finally {
    taken?.close();
  }
});

test('E2E_PORT, when set, is used as it is', () => {
  const { E2E_BASE_URL: _external, ...env } = process.env;
  expect(evaluateConfig({ ...env, E2E_PORT: '8439' }).baseURL).toBe('http://127.0.0.1:8439');
});
