import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { systemCtx } from './context.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/lock.js';
import { users } from './db/schema/index.js';
import { ensureSuperAdmin } from './modules/accounts/superadmin.js';
import { Client, testConfig, useTestApp } from './test/harness.js';
import { buildApp } from './app.js';

const t = useTestApp();

describe('platform', () => {
  it('answers liveness, and readiness with the database, Redis and migrations', async () => {
    const res = await new Client(t.app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    const ready = await new Client(t.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'ok', migrations: 'ok', redis: t.config.redisUrl ? 'ok' : 'unused', draining: false });
  });

  it('publishes an OpenAPI 3 document of the routes, generated from the schemas', async () => {
    const res = await new Client(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const login = res.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.properties).toHaveProperty('password');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/hospitals', '/api/hospitals/{hospitalId}/doctors', '/api/patients/{patientId}']));
  });

  it('answers unknown API routes with problem+json', async () => {
    const res = await new Client(t.app).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'not_found', title: 'Not found' });
  });

  it('refuses oversized and malformed bodies clearly', async () => {
    const client = new Client(t.app);
    const big = await client.request('POST', '/api/auth/login', JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2 * 1024 * 1024) }), { 'content-type': 'application/json' });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('payload_too_large');
    const broken = await client.request('POST', '/api/auth/login', '{"email":', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('validation_failed');
  });

  it('serves the web app for its own routes, and 404s for unknown API routes and files', async () => {
    const web = mkdtempSync(join(tmpdir(), 'tm-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
    const app = await t.another({ WEB_DIR: web });
    const client = new Client(app);
    const page = await client.get('/hospitals/123');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect((await client.get('/api/nope')).body.code).toBe('not_found');
    expect((await client.get('/missing.js')).status).toBe(404);
  });

  it('sends security headers with a strict CSP', async () => {
    const res = await new Client(t.app).get('/healthz');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['permissions-policy']).toContain('camera=(self)');
    // Over plain http no HSTS and no upgrade; errors carry the same headers as answers.
    expect(res.headers).not.toHaveProperty('strict-transport-security');
    expect(csp).not.toContain('upgrade-insecure-requests');
    const missing = await new Client(t.app).get('/api/nothing-here');
    expect(missing.headers['content-security-policy']).toBe(csp);
    expect(missing.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('behind https adds HSTS and upgrades insecure requests', async () => {
    const app = await t.another({ COOKIE_SECURE: 'true' });
    const res = await new Client(app).get('/healthz');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(res.headers['content-security-policy'])).toMatch(/;upgrade-insecure-requests$/);
  });
});

describe('requirements', () => {
  it('every installed package runs on the oldest Node.js the README names', () => {
    const own = JSON.parse(readFileSync('package.json', 'utf8'));
    const oldest = semver.minVersion(own.engines.node)!.version;
    expect(readFileSync('README.md', 'utf8')).toContain(`Node.js ${oldest.replace(/\.0$/, '')} or later`);
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> };
    const refusing = Object.entries(lock.packages)
      .filter(([, p]) => typeof p.engines?.node === 'string' && !semver.satisfies(oldest, p.engines.node))
      .map(([name, p]) => `${name} wants ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});

describe('configuration', () => {
  it('refuses production without its secrets, naming each one missing', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET[^]*PUBLIC_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40) })).toThrow(/^(?![^]*SESSION_SECRET)[^]*PUBLIC_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), PUBLIC_URL: 'http://care.example' })).toThrow(/PUBLIC_URL: must be https/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), PUBLIC_URL: 'https://care.example', KHALTI_SECRET_KEY: 'live_secret_key_x', KHALTI_BASE_URL: 'http://khalti.local/api/v2/' })).toThrow(/KHALTI_BASE_URL/);
    expect(() => loadConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/S3_ENDPOINT is set but S3_BUCKET is not/);
    expect(() => loadConfig({ S3_BUCKET: 'uploads', S3_ACCESS_KEY_ID: 'x' })).toThrow(/go together/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('has working defaults and keeps a development secret across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-cfg-'));
    const a = loadConfig({ DATA_DIR: dir });
    expect(a.port).toBe(8000);
    expect(a.host).toBe('127.0.0.1');
    expect(a.database).toEqual({ kind: 'pglite', dir: join(dir, 'pglite'), sharedBuffersMb: 32, vacuumMs: 24 * 3_600_000 });
    expect(a.session.cookieSecure).toBe(false);
    expect(loadConfig({ DATA_DIR: dir }).session.secret).toBe(a.session.secret);
    const prod = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), PUBLIC_URL: 'https://care.example', DATABASE_URL: 'postgres://db/x' });
    expect(prod.session.cookieSecure).toBe(true);
    expect(prod.database).toEqual({ kind: 'postgres', url: 'postgres://db/x' });
  });
});

describe('first start', () => {
  it('creates the super admin from the environment, once', async () => {
    const app = await t.another({ SUPERADMIN_EMAIL: 'Root@Example.com', SUPERADMIN_PASSWORD: 'a-strong-secret' });
    const ctx = systemCtx(app, 'test: first start');
    const note = await ensureSuperAdmin(ctx);
    expect(note).toContain('root@example.com');
    expect(note).not.toContain('a-strong-secret');
    expect(await ensureSuperAdmin(ctx)).toBeNull();
    const login = await new Client(app).post('/api/auth/login', { email: 'root@example.com', password: 'a-strong-secret' });
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('super_admin');
  });

  it('generates a strong password when none is given, and prints it once', async () => {
    const database = await openDatabase({ kind: 'pglite', dir: null });
    try {
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: mkdtempSync(join(tmpdir(), 'tm-sa-')), SESSION_SECRET: 'x'.repeat(32) });
      const ctx = systemCtx({ db: database.db, config, bus: t.app.bus, clock: t.app.clock, limits: t.app.limits, files: t.app.files, metrics: t.app.metrics, log: t.app.log }, 'test: first start');
      const note = (await ensureSuperAdmin(ctx))!;
      const password = note.match(/generated password: (\S+)/)![1]!;
      expect(password.length).toBeGreaterThanOrEqual(20);
      const [admin] = await database.db.select().from(users).where(eq(users.role, 'super_admin'));
      expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);
    } finally {
      await database.close();
    }
  });
});

describe('npm run create-superadmin', () => {
  it('creates a super admin from flags, and refuses a weak password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tm-cli-'));
    const env = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', DATABASE_URL: '' };
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/create-superadmin.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const weak = await run(['--email', 'ops@example.org', '--password', 'short']);
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('at least 8');
    const ok = await run(['--email', 'Ops@Example.org', '--password', 'a-long-enough-secret']);
    expect(ok.out).toContain('Created super admin ops@example.org');
    expect(ok.code).toBe(0);
    const database = await openDatabase({ kind: 'pglite', dir: join(dataDir, 'pglite') });
    try {
      const [row] = await database.db.select().from(users).where(eq(users.email, 'ops@example.org'));
      expect(row).toMatchObject({ role: 'super_admin', hospitalId: null, mustChangePassword: false });
    } finally {
      await database.close();
    }
  });
});

describe('the embedded database directory', () => {
  it('cannot be opened twice', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tm-lock-')), 'pglite');
    const first = await openDatabase({ kind: 'pglite', dir });
    try {
      await expect(openDatabase({ kind: 'pglite', dir })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await first.close();
    }
    // Closed, it opens again; a lock left by a dead process is taken over.
    writeFileSync(join(dir, 'server.lock'), '999999999');
    const again = await openDatabase({ kind: 'pglite', dir });
    expect(readFileSync(join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid));
    await again.close();
  });

  it('has the page cache PGLITE_SHARED_BUFFERS_MB gives it, 32 MB by default', async () => {
    const template = process.env.TEST_PGLITE_TEMPLATE;
    const from = template ? new Blob([readFileSync(template)]) : undefined;
    for (const [env, expected] of [[{}, '32MB'], [{ PGLITE_SHARED_BUFFERS_MB: '48' }, '48MB']] as const) {
      const database = await openDatabase(loadConfig({ DATABASE_URL: 'memory://', SESSION_SECRET: 's'.repeat(40), ...env }).database, { from });
      try {
        const result = (await database.db.execute(sql`show shared_buffers`)) as unknown as { rows: { shared_buffers: string }[] };
        expect(result.rows[0]!.shared_buffers).toBe(expected);
      } finally {
        await database.close();
      }
    }
    expect(() => loadConfig({ PGLITE_SHARED_BUFFERS_MB: '0', SESSION_SECRET: 's'.repeat(40) })).toThrow(/PGLITE_SHARED_BUFFERS_MB/);
  });

  it('is vacuumed and analyzed table by table every PGLITE_VACUUM_HOURS, as autovacuum keeps a server', async () => {
    // Every table of the app's own embedded database: when each was last vacuumed and analyzed, and the planner's row count (-1: never).
    const upkeep = async (app: FastifyInstance) =>
      ((await app.db.execute(sql`select s.relname, s.last_vacuum, s.last_analyze, c.reltuples from pg_stat_user_tables s join pg_class c on c.oid = s.relid where s.schemaname = 'public'`)) as unknown as {
        rows: { relname: string; last_vacuum: unknown; last_analyze: unknown; reltuples: number }[];
      }).rows;
    const often = await buildApp(testConfig(mkdtempSync(join(tmpdir(), 'tm-vac-')), { DATABASE_URL: 'memory://', PGLITE_VACUUM_HOURS: '0.0005' }));
    const never = await buildApp(testConfig(mkdtempSync(join(tmpdir(), 'tm-vac-')), { DATABASE_URL: 'memory://', PGLITE_VACUUM_HOURS: '0' }));
    try {
      // 0.0005 hours: every 1.8 s.
      await expect.poll(async () => (await upkeep(often)).filter((t) => t.last_vacuum && t.last_analyze && t.reltuples >= 0).length, { timeout: 20_000 }).toBeGreaterThan(10);
      const tables = await upkeep(often);
      expect(tables.map((t) => t.relname)).toEqual(expect.arrayContaining(['users', 'appointments', 'chat_messages', 'sessions']));
      expect(tables.filter((t) => !t.last_vacuum || !t.last_analyze)).toEqual([]);
      // Left at 0, the same wait did nothing.
      expect((await upkeep(never)).filter((t) => t.last_vacuum || t.last_analyze)).toEqual([]);
    } finally {
      await Promise.all([often.close(), never.close()]);
    }
    expect(() => loadConfig({ PGLITE_VACUUM_HOURS: '-1', SESSION_SECRET: 's'.repeat(40) })).toThrow(/PGLITE_VACUUM_HOURS/);
  });

  it('makes a second server on the same DATA_DIR exit with a clear message', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tm-two-'));
    const env = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'warn', SUPERADMIN_PASSWORD: 'a-strong-secret', DATABASE_URL: '' };
    // node itself, not npx: a signal to npx does not reach the server under it.
    const first = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env: { ...env, PORT: '0' } });
    const firstExited = new Promise((resolve) => first.on('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        first.stdout.on('data', (d) => (out += d) && out.includes('Telemedicine platform at') && resolve());
        first.stderr.on('data', (d) => (out += d));
        first.on('exit', () => reject(new Error(`first server exited: ${out}`)));
      });
      const second = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env: { ...env, PORT: '0' } });
      let err = '';
      second.stderr.on('data', (d) => (err += d));
      const code = await new Promise((resolve) => second.on('exit', resolve));
      expect(code).toBe(1);
      expect(err).toMatch(/already in use by another server/);
    } finally {
      first.kill('SIGTERM');
      await firstExited;
    }
    // Nothing of it is left running.
    expect(first.exitCode ?? first.signalCode).not.toBeNull();
  });
});
