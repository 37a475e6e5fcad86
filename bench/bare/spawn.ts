import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { rssMb } from '../server.js';

/** Starts one of the bare ceilings in its own process; resolves with its port once it listens. */
export async function startBare(script: 'http' | 'relay') {
  const child = spawn(process.execPath, ['--import', 'tsx', `bench/bare/${script}.ts`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bare ${script} exited (${code})`)));
  });
  return {
    origin: `http://127.0.0.1:${Number(line)}`,
    pid: child.pid!,
    rssMb: () => rssMb(child.pid!),
    stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
  };
}
