import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import S3rver from 's3rver';
import { SUPERADMIN } from '../support/accounts.js';
import { freePort } from '../support/free-port.js';
import { nginxConf } from './nginx.js';
import { Processes, until, type Running } from './processes.js';

/**
 * The deployment the operator docs describe, without Docker, inside this test's loopback-only
 * network namespace (run.sh): a fresh PostgreSQL cluster, Redis, an S3-compatible server, the
 * Khalti stand-in, two app instances from the production build (`node dist/server/main.js`,
 * NODE_ENV=production) and nginx in front with TLS. Every piece on a free port.
 */
export interface Instance {
  name: string;
  port: number;
  /** The instance itself, bypassing nginx (to read its /readyz and /metrics). */
  direct: string;
  process: Running | null;
  start(): Promise<void>;
  /** SIGTERM (a graceful stop) unless told otherwise; the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface Stack {
  dir: string;
  /** https://127.0.0.1:<nginx>: where people go. */
  url: string;
  instances: Instance[];
  metricsToken: string;
  databaseUrl: string;
  /** The environment an instance of this deployment runs with (another one may reuse it). */
  env: Record<string, string>;
  processes: Processes;
  stop(): Promise<void>;
}

const REPO = resolve(import.meta.dirname, '../..');
const pgBin = () => {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return join('/usr/lib/postgresql', versions[0]!, 'bin');
};
const uid = (name: string) => Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
const asPostgres = (bin: string, args: string[]) => ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', join(pgBin(), bin), ...args]] as const;

export async function startStack(root = process.env.DEPLOY_DIR!): Promise<Stack> {
  if (!root) throw new Error('DEPLOY_DIR is not set: run the check with npm run test:deploy');
  // A folder per start: a worker restarted after a failure starts afresh beside the first one's logs.
  const dir = mkdtempSync(join(root, 'stack-'));
  chmodSync(dir, 0o755);
  const processes = new Processes(dir);
  const stops: (() => Promise<unknown>)[] = [];
  const stack = { dir, processes } as Stack;
  stack.stop = async () => {
    for (const stop of stops.reverse()) await stop().catch((e) => console.error(e));
  };
  try {
    // PostgreSQL: a cluster of our own, owned by the postgres user (initdb refuses root).
    const pgData = join(dir, 'pg');
    const pgPort = freePort();
    mkdirSync(pgData, { mode: 0o700 });
    chownSync(pgData, uid('postgres'), uid('postgres'));
    const [cmd, initArgs] = asPostgres('initdb', ['-D', pgData, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    execFileSync(cmd, initArgs, { stdio: 'ignore' });
    const [pgCmd, pgArgs] = asPostgres('postgres', ['-D', pgData, '-p', String(pgPort), '-k', pgData, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off']);
    const postgres = processes.start('postgres', pgCmd, [...pgArgs]);
    stops.push(() => postgres.stop('SIGINT'));
    const admin = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;
    await until('PostgreSQL answers', () => query(admin, 'select 1'));
    await query(admin, 'create database telemedicine');
    stack.databaseUrl = `postgres://postgres@127.0.0.1:${pgPort}/telemedicine`;

    const redisPort = freePort();
    const redis = processes.start('redis', 'redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]);
    stops.push(() => redis.stop());

    // Uploads go to an S3-compatible server, as the instances share no folder.
    const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 's3'), configureBuckets: [{ name: 'tm-uploads', configs: [] }] });
    const s3Address = await s3.run();
    stops.push(() => s3.close());

    // The Khalti stand-in, behind nginx's TLS like Khalti (production wants an https KHALTI_BASE_URL).
    const khaltiPort = freePort();
    const khaltiTls = freePort();
    const khaltiKey = `test_secret_key_${randomBytes(16).toString('hex')}`;
    const khalti = processes.start('khalti', process.execPath, ['dist/server/cli/khalti-stand-in.js', '--port', String(khaltiPort), '--key', khaltiKey, '--public-url', `https://127.0.0.1:${khaltiTls}`], { cwd: REPO });
    stops.push(() => khalti.stop());

    const nginxPort = freePort();
    stack.url = `https://127.0.0.1:${nginxPort}`;
    stack.metricsToken = randomBytes(24).toString('base64url');
    stack.env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PUBLIC_URL: stack.url,
      TRUST_PROXY: 'true',
      SESSION_SECRET: randomBytes(36).toString('base64url'),
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      S3_BUCKET: 'tm-uploads',
      S3_ENDPOINT: `http://127.0.0.1:${s3Address.port}`,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      METRICS_TOKEN: stack.metricsToken,
      KHALTI_SECRET_KEY: khaltiKey,
      KHALTI_BASE_URL: `https://127.0.0.1:${khaltiTls}/api/v2/`,
      PAYMENT_CHECK_SECONDS: '5',
      // The stand-in's certificate is the check's own: trusted like a CA the operator adds.
      NODE_EXTRA_CA_CERTS: join(root, 'tls.crt'),
      SUPERADMIN_EMAIL: SUPERADMIN.email,
      SUPERADMIN_PASSWORD: SUPERADMIN.password,
      // The check's seeding signs the super admin in by password through the API; production's
      // default (a second factor required) is proven by the two-factor suites.
      SUPERADMIN_TWO_FACTOR: 'optional',
      WEB_DIR: join(REPO, 'dist/web'),
      // The check signs in and chats faster than people do, all from 127.0.0.1.
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      CHAT_MESSAGES_PER_MINUTE: '1000',
      WS_HEARTBEAT_SECONDS: '5',
      // As behind a load balancer that polls /readyz: the check sees readiness fail before the stop.
      SHUTDOWN_DELAY_SECONDS: '2',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    stack.instances = ['a', 'b'].map((name) => instance(stack, name, freePort()));
    // One after the other: the first creates the super admin and migrates.
    for (const i of stack.instances) {
      await i.start();
      stops.push(() => i.stop());
    }

    const conf = nginxConf(dir, { port: nginxPort, instances: stack.instances.map((i) => i.port), khaltiPort: khaltiTls, khaltiUpstream: khaltiPort, cert: join(root, 'tls.crt'), key: join(root, 'tls.key') });
    const nginx = processes.start('nginx', 'nginx', ['-e', join(dir, 'nginx-error.log'), '-c', conf], { cwd: dir });
    stops.push(() => nginx.stop('SIGQUIT'));
    await until('nginx answers over TLS', async () => (await fetch(`${stack.url}/healthz`)).ok);
    await until('the Khalti stand-in answers through nginx', async () => (await fetch(`https://127.0.0.1:${khaltiTls}/api/v2/epayment/lookup/`, { method: 'POST' })).status < 500);
    return stack;
  } catch (e) {
    await stack.stop();
    throw e;
  }
}

/** An app instance of the stack, started from the production build with node alone. */
export function instance(stack: Stack, name: string, port: number, more: Record<string, string> = {}): Instance {
  const direct = `http://127.0.0.1:${port}`;
  const self: Instance = {
    name,
    port,
    direct,
    process: null,
    async start() {
      const dataDir = join(stack.dir, `data-${name}`);
      mkdirSync(dataDir, { recursive: true });
      const env = { ...stack.env, PORT: String(port), DATA_DIR: dataDir, ...more };
      self.process = stack.processes.start(`app-${name}`, process.execPath, ['--enable-source-maps', 'dist/server/main.js'], { cwd: REPO, env });
      const proc = self.process;
      await until(`instance ${name} is ready`, async () => {
        if (!proc.alive) throw new Error(`instance ${name} exited (see ${proc.logFile})`);
        return (await fetch(`${direct}/readyz`)).ok;
      }, 90_000);
    },
    async stop(signal = 'SIGTERM') {
      return (await self.process?.stop(signal)) ?? null;
    },
  };
  return self;
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Open sockets of each kind on one instance, read from its /metrics. */
export async function socketsOn(i: Instance, token: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${i.direct}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  const open: Record<string, number> = {};
  for (const m of text.matchAll(/^tm_open_sockets\{kind="(\w+)"\} (\d+)$/gm)) open[m[1]!] = Number(m[2]);
  return open;
}
