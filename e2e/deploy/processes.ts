import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { appendFileSync, openSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The processes the deployment check starts, each logging to a file of its own in the check's
 * folder, their pids listed in `pids` so run.sh can stop by id whatever a crashed run left.
 */
export class Processes {
  constructor(readonly dir: string) {}

  start(name: string, command: string, args: string[], options: SpawnOptions = {}): Running {
    const log = openSync(join(this.dir, `${name}.log`), 'a');
    const child = spawn(command, args, { stdio: ['ignore', log, log], ...options });
    if (!child.pid) throw new Error(`${name} did not start`);
    appendFileSync(join(this.dir, 'pids'), `${child.pid}\n`);
    return new Running(name, child, join(this.dir, `${name}.log`));
  }
}

export class Running {
  readonly exited: Promise<number | null>;
  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  }

  get alive() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends `signal` and waits for the exit (SIGKILL after `graceMs`). Returns the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 30_000): Promise<number | null> {
    if (!this.alive) return this.child.exitCode;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}

/** Polls until `check` resolves truthy (or throws after `timeoutMs`, naming `what`). */
export async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
