// The server as production runs it, in its own process: NODE_ENV=production, the default log
// level with its lines written to a file, the compiled build when there is one
// (dist/server/main.js), else the sources through tsx. BENCH_SERVER=tsx|compiled chooses.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync, closeSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../e2e/support/free-port.js';

export const SESSION_SECRET = 'bench-session-secret-bench-session-secret';
const COMPILED = 'dist/server/main.js';

/**
 * What the bench changes from a production configuration, and why: it signs in from one address
 * many times a second, sends more messages a minute than a person types, and holds more sockets
 * per person than a person opens tabs. Everything else is production's default.
 */
export const BENCH_LIMITS = {
  AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
  CHAT_MESSAGES_PER_MINUTE: '1000000',
  WS_MAX_SOCKETS_PER_USER: '100',
};

export const serverMode = () => {
  const asked = process.env.BENCH_SERVER;
  if (asked === 'tsx' || asked === 'compiled') return asked;
  return existsSync(COMPILED) ? 'compiled' : 'tsx';
};

export interface Server {
  origin: string;
  pid: number;
  /** From spawn to the first 200 from /healthz. */
  startupMs: number;
  rssMb(): number;
  logFile: string;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>, opts: { cpuProf?: string } = {}): Promise<Server> {
  const port = freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logFile = join(mkdtempSync(join(tmpdir(), 'tm-bench-log-')), 'server.log');
  const out = openSync(logFile, 'a');
  const mode = serverMode();
  const prof = opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProf}`] : [];
  const args = mode === 'compiled' ? [...prof, COMPILED] : [...prof, '--import', 'tsx', 'src/server/main.ts'];
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SESSION_SECRET,
      // Plain http on loopback: a production cookie is Secure, which no plain-http client returns.
      COOKIE_SECURE: 'false',
      PUBLIC_URL: origin,
      WEB_DIR: 'dist/web',
      ...BENCH_LIMITS,
      ...env,
    },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  for (let i = 0; ; i++) {
    if (exited !== null) throw new Error(`the server exited (${exited}) before answering; its log:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    if (await fetch(`${origin}/healthz`).then((r) => r.ok, () => false)) break;
    if (i > 2400) throw new Error('the server did not answer /healthz within 60 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  const startupMs = performance.now() - started;
  return {
    origin,
    pid: child.pid!,
    startupMs,
    logFile,
    rssMb: () => rssMb(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => (clearTimeout(kill), resolve()));
        child.kill('SIGTERM');
      }),
  };
}

/** Resident memory of a process and its threads, in MB. */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}
