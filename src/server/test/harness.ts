import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppDeps } from '../app.js';
import type { Clock } from '../clock.js';
import { testClock } from './clock.js';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/client.js';
import { createTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database & { url: string };
  config: Config;
  /** What "now" is for the app: `TEST_CLOCK` shifts it, a test may pass its own. */
  clock: Clock;
  /** Builds another app on the same database (a second instance, or other settings). */
  another(env?: Record<string, string>, deps?: AppDeps): Promise<FastifyInstance>;
}

export function testConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-42',
    WEB_DIR: join(dataDir, 'no-web'),
    // Tests sign in many people from one address; the rate-limit test sets its own.
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    APPOINTMENT_SWEEP_SECONDS: '0',
    // Tests run the payment job themselves, on their own clock.
    PAYMENT_CHECK_SECONDS: '0',
    // and the mail worker and the mail scheduler.
    MAIL_POLL_SECONDS: '0',
    MAIL_SCHEDULE_SECONDS: '0',
    ...env,
  });
}

/**
 * One app on one fresh database for the whole test file, closed afterwards. Use inside
 * `describe` or at the top of a file: `const t = useTestApp();` then `t.app` in tests.
 */
export function useTestApp(env: Record<string, string> = {}, opts: { clock?: Clock } = {}): TestApp {
  const t = {} as TestApp;
  const apps: FastifyInstance[] = [];
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tm-test-'));
    t.database = await createTestDatabase();
    t.config = testConfig(dataDir, env);
    t.clock = opts.clock ?? testClock();
    t.another = async (more = {}, deps = {}) => {
      const app = await buildApp(testConfig(dataDir, { ...env, ...more }), { database: t.database, clock: t.clock, ...deps });
      apps.push(app);
      return app;
    };
    t.app = await t.another();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await t.database?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return t;
}

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  raw: Awaited<ReturnType<FastifyInstance['inject']>>;
}

/** A client for one person: keeps their session cookie like a browser would. */
export class Client {
  /** The session cookie, as `name=value`. */
  cookie: string | undefined;
  /** Other cookies the server set (the two-factor sign-in ticket). */
  private others = new Map<string, string>();
  /** `ip`: the client address the server sees (sign-in throttling counts per address). */
  constructor(
    readonly app: FastifyInstance,
    readonly ip = '127.0.0.1',
  ) {}

  async request<T = any>(method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      headers: { ...(this.cookieHeader() ? { cookie: this.cookieHeader() } : {}), ...headers },
    });
    for (const c of res.cookies) {
      if (c.name.endsWith('tm_session')) this.cookie = c.value ? `${c.name}=${c.value}` : undefined;
      else if (c.value) this.others.set(c.name, c.value);
      else this.others.delete(c.name);
    }
    const type = String(res.headers['content-type'] ?? '');
    const body = type.includes('json') ? res.json() : res.body;
    return { status: res.statusCode, body, headers: res.headers, raw: res };
  }
  private cookieHeader() {
    return [this.cookie, ...[...this.others].map(([k, v]) => `${k}=${v}`)].filter(Boolean).join('; ') || undefined;
  }
  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body?: unknown) => this.request<T>('POST', url, body ?? {});
  patch = <T = any>(url: string, body: unknown) => this.request<T>('PATCH', url, body);
  put = <T = any>(url: string, body: unknown) => this.request<T>('PUT', url, body);
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);
}
