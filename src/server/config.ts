import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

/*
 * The embedded database's page cache (PostgreSQL's shared_buffers), in MB. PGlite's default,
 * 128 MB, is touched as it starts: the embedded server then sat at 379 MB at rest. 32 MB holds a
 * small installation's hot data and brings it to about 250 MB; a larger installation that stays
 * on PGlite can give it more.
 */
export const PGLITE_SHARED_BUFFERS_MB = 32;

/** Khalti's sandbox (KPG-2 API v2): the default base URL. Production is https://khalti.com/api/v2/. */
export const KHALTI_SANDBOX_URL = 'https://dev.khalti.com/api/v2/';

/** Every environment variable the server reads, with its default. Nothing else reads process.env. */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: int(8000),
  PUBLIC_URL: z.url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?|memory):\/\//, 'must be postgres://…, postgresql://… or memory://')
    .optional(),
  PGLITE_SHARED_BUFFERS_MB: int(PGLITE_SHARED_BUFFERS_MB, 1),
  PGLITE_VACUUM_HOURS: z.coerce.number().min(0).default(24),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be redis://… or rediss://…').optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: int(60, 1),
  SESSION_MAX_HOURS: int(12, 1),
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  COOKIE_SECURE: bool.optional(),
  SUPERADMIN_EMAIL: z.string().optional(),
  SUPERADMIN_PASSWORD: z.string().optional(),
  LOGIN_MAX_FAILURES: int(5, 1),
  LOGIN_LOCK_MINUTES: int(15, 1),
  AUTH_RATE_LIMIT_PER_MINUTE: int(20, 1),
  WEB_DIR: z.string().default('./dist/web'),
  APPOINTMENT_PAYMENT_HOLD_HOURS: int(24, 0),
  APPOINTMENT_CANCEL_CUTOFF_MINUTES: int(60, 0),
  APPOINTMENT_SWEEP_SECONDS: int(60, 0),
  CHAT_OPEN_DAYS_AFTER: int(7, 0),
  CHAT_ATTACHMENT_MAX_MB: z.coerce.number().positive().max(100).default(10),
  CHAT_ATTACHMENTS_PER_APPOINTMENT: int(50, 1),
  CHAT_ATTACHMENT_QUOTA_MB: z.coerce.number().positive().default(100),
  CHAT_MESSAGES_PER_MINUTE: int(60, 1),
  WS_HEARTBEAT_SECONDS: z.coerce.number().positive().default(25),
  WS_MAX_SOCKETS_PER_USER: int(20, 1),
  VIDEO_JOIN_EARLY_MINUTES: int(15, 0),
  STUN_URLS: z.string().optional(),
  TURN_URLS: z.string().optional(),
  TURN_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  VIDEO_RELAY_ONLY: bool.default(false),
  KHALTI_SECRET_KEY: z.string().trim().min(1).optional(),
  KHALTI_BASE_URL: z.url().default(KHALTI_SANDBOX_URL),
  KHALTI_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(10),
  PAYMENT_CHECK_SECONDS: int(30, 0),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SHUTDOWN_DELAY_SECONDS: z.coerce.number().min(0).max(120).default(0),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(20),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.optional(),
  S3_PREFIX: z.string().regex(/^[A-Za-z0-9._\/-]*$/, 'letters, digits and . _ - / only').default(''),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be smtp://… or smtps://…').optional(),
  MAIL_FROM: z.string().trim().min(3).max(300).optional(),
  MAIL_POLL_SECONDS: z.coerce.number().min(0).default(5),
  MAIL_SCHEDULE_SECONDS: int(60, 0),
  REMINDER_OFFSETS: z.string().default('24h,1h'),
  SUPERADMIN_TWO_FACTOR: z.enum(['required', 'optional']).optional(),
});
export type Env = z.infer<typeof Env>;

export type Config = ReturnType<typeof configFrom>;

function configFrom(env: Env, sessionSecret: string) {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR);
  const url = env.DATABASE_URL;
  // PostgreSQL's autovacuum does this upkeep on a server; the embedded one has no background workers.
  const vacuumMs = env.PGLITE_VACUUM_HOURS * 3_600_000;
  const database =
    url === undefined
      ? ({ kind: 'pglite', dir: join(dataDir, 'pglite'), sharedBuffersMb: env.PGLITE_SHARED_BUFFERS_MB, vacuumMs } as const)
      : url.startsWith('memory://')
        ? ({ kind: 'pglite', dir: null, sharedBuffersMb: env.PGLITE_SHARED_BUFFERS_MB, vacuumMs } as const)
        : ({ kind: 'postgres', url } as const);
  return {
    env: env.NODE_ENV,
    production,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL ?? null,
    allowedOrigins: [env.PUBLIC_URL, ...(env.ALLOWED_ORIGINS ?? '').split(',')]
      .map((o) => o?.trim().replace(/\/+$/, ''))
      .filter((o): o is string => !!o),
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    dataDir,
    uploadsDir: join(dataDir, 'uploads'),
    database,
    redisUrl: env.REDIS_URL ?? null,
    session: {
      secret: sessionSecret,
      idleMs: env.SESSION_IDLE_MINUTES * 60_000,
      maxMs: env.SESSION_MAX_HOURS * 3_600_000,
      /** How long a resolved session is trusted without a lookup (0: never); revocations announced on the bus end it at once. */
      cacheMs: env.SESSION_CACHE_SECONDS * 1000,
      cookieSecure: env.COOKIE_SECURE ?? production,
      /** Super admins must use a second factor (SUPERADMIN_TWO_FACTOR; required in production unless set otherwise). */
      superAdminTwoFactor: (env.SUPERADMIN_TWO_FACTOR ?? (production ? 'required' : 'optional')) === 'required',
    },
    superAdmin: { email: env.SUPERADMIN_EMAIL, password: env.SUPERADMIN_PASSWORD },
    login: {
      maxFailures: env.LOGIN_MAX_FAILURES,
      lockMs: env.LOGIN_LOCK_MINUTES * 60_000,
      ratePerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
    },
    webDir: resolve(env.WEB_DIR),
    chat: {
      openAfterMs: env.CHAT_OPEN_DAYS_AFTER * 86_400_000,
      attachmentMaxBytes: Math.round(env.CHAT_ATTACHMENT_MAX_MB * 1024 * 1024),
      /** What one appointment's conversation may hold in files, in number and in bytes. */
      attachmentsPerAppointment: env.CHAT_ATTACHMENTS_PER_APPOINTMENT,
      attachmentQuotaBytes: Math.round(env.CHAT_ATTACHMENT_QUOTA_MB * 1024 * 1024),
      /** Messages one person may send a minute, over HTTP and sockets together (a burst of a third of it at once). */
      messagesPerMinute: env.CHAT_MESSAGES_PER_MINUTE,
    },
    /** Open sockets one person may hold on one instance. */
    wsMaxSocketsPerUser: env.WS_MAX_SOCKETS_PER_USER,
    video: {
      joinEarlyMs: env.VIDEO_JOIN_EARLY_MINUTES * 60_000,
      stunUrls: list(env.STUN_URLS),
      turnUrls: list(env.TURN_URLS),
      /** coturn's `static-auth-secret` (use-auth-secret): short-lived TURN credentials are derived from it. */
      turnSecret: env.TURN_SECRET ?? null,
      relayOnly: env.VIDEO_RELAY_ONLY,
    },
    /** Sockets are pinged, and their session and access re-checked, this often. */
    wsHeartbeatMs: env.WS_HEARTBEAT_SECONDS * 1000,
    payments: paymentsConfig(env),
    /** Prometheus metrics at /metrics, for a bearer of this token; off without one. */
    metricsToken: env.METRICS_TOKEN ?? null,
    shutdown: {
      /** How long /readyz fails before the instance stops accepting (load balancers that poll it take it out meanwhile). */
      delayMs: env.SHUTDOWN_DELAY_SECONDS * 1000,
      /** How long requests and sockets in flight may take to finish before they are cut. */
      timeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    },
    /** Uploads on S3-compatible storage when S3_BUCKET is set; under DATA_DIR/uploads otherwise. */
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT ?? null,
          credentials: env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : null,
          // MinIO, Garage, SeaweedFS and the tests' server want path-style addresses; AWS wants virtual hosts.
          forcePathStyle: env.S3_FORCE_PATH_STYLE ?? !!env.S3_ENDPOINT,
          prefix: env.S3_PREFIX.replace(/^\/+|\/+$/g, ''),
        }
      : null,
    mail: mailConfig(env),
    appointments: {
      paymentHoldMs: env.APPOINTMENT_PAYMENT_HOLD_HOURS * 3_600_000,
      cancelCutoffMs: env.APPOINTMENT_CANCEL_CUTOFF_MINUTES * 60_000,
      /** 0 turns the background sweep off (tests call it directly). */
      sweepMs: env.APPOINTMENT_SWEEP_SECONDS * 1000,
    },
  };
}

/**
 * How patients pay: through Khalti with a key; without one, through the stand-in this server
 * carries (outside production only: its payments are test payments); in production without a
 * key, not online at all (the desk payment confirms visits).
 */
function paymentsConfig(env: Env) {
  const key = env.KHALTI_SECRET_KEY ?? null;
  const mode = key ? ('khalti' as const) : env.NODE_ENV === 'production' ? ('off' as const) : ('stand-in' as const);
  const baseUrl = env.KHALTI_BASE_URL.endsWith('/') ? env.KHALTI_BASE_URL : `${env.KHALTI_BASE_URL}/`;
  const sandbox = ['dev.khalti.com', 'a.khalti.com'].includes(new URL(baseUrl).hostname) || !!key?.startsWith('test_');
  return {
    mode,
    /** No money moves: the stand-in, Khalti's sandbox, or a test key (`test_secret_key_…`). */
    test: mode === 'stand-in' || (mode === 'khalti' && sandbox),
    khalti: { secretKey: key, baseUrl, timeoutMs: Math.round(env.KHALTI_TIMEOUT_SECONDS * 1000) },
    /** How often open orders and queued refunds are looked at (0: never; tests run the job themselves). */
    checkMs: env.PAYMENT_CHECK_SECONDS * 1000,
  };
}

/**
 * How mail leaves: over SMTP with `SMTP_URL`; without it, into the log outside production (so a
 * developer can follow a reset link), and not at all in production (the features that need it
 * say so). Only real delivery (`smtp`) turns on what depends on people reading their mail:
 * confirming sign-ups and welcome links instead of initial passwords.
 */
function mailConfig(env: Env) {
  const delivery = env.SMTP_URL ? ('smtp' as const) : env.NODE_ENV === 'production' ? ('off' as const) : ('log' as const);
  const host = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).hostname : 'localhost.localdomain';
  return {
    delivery,
    smtpUrl: env.SMTP_URL ?? null,
    from: env.MAIL_FROM ?? `Telemedicine <no-reply@${host}>`,
    /** Where the links in mail point: PUBLIC_URL, or this server as a developer reaches it. */
    linkBase: (env.PUBLIC_URL ?? `http://${['0.0.0.0', '::'].includes(env.HOST) ? 'localhost' : env.HOST}:${env.PORT}`).replace(/\/+$/, ''),
    /** How often each instance sends what is queued (0: never; tests run the worker themselves). */
    pollMs: Math.round(env.MAIL_POLL_SECONDS * 1000),
    /** How often reminders and "you missed this" mails are looked for (0: never). */
    scheduleMs: env.MAIL_SCHEDULE_SECONDS * 1000,
    reminderOffsetsMs: parseOffsets(env.REMINDER_OFFSETS),
  };
}

/** "24h,1h,30m" → milliseconds, largest first. */
export function parseOffsets(value: string): number[] {
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;
  const offsets = list(value).map((part) => {
    const m = /^(\d+)\s*([dhm])$/i.exec(part);
    if (!m || Number(m[1]) <= 0) throw new ConfigError(`REMINDER_OFFSETS: "${part}" is not a duration such as 24h, 90m or 2d`);
    return Number(m[1]) * unit[m[2]!.toLowerCase() as keyof typeof unit];
  });
  return [...new Set(offsets)].sort((a, b) => b - a);
}

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export class ConfigError extends Error {}

/**
 * Parses the environment once. In production a missing secret is an error; elsewhere a
 * random secret is kept in DATA_DIR so sessions survive restarts of a development server.
 */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (env.TURN_URLS && !env.TURN_SECRET) throw new ConfigError('TURN_URLS needs TURN_SECRET (coturn\'s static-auth-secret) to hand out credentials');
  if (env.VIDEO_RELAY_ONLY && !env.TURN_URLS) throw new ConfigError('VIDEO_RELAY_ONLY=true needs a TURN server: set TURN_URLS and TURN_SECRET');
  const s3 = (['S3_REGION', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'S3_PREFIX'] as const).filter((k) => raw[k] !== undefined);
  if (!env.S3_BUCKET && s3.length) throw new ConfigError(`${s3.join(', ')} ${s3.length > 1 ? 'are' : 'is'} set but S3_BUCKET is not: set it to store uploads on S3-compatible storage`);
  if (!!env.S3_ACCESS_KEY_ID !== !!env.S3_SECRET_ACCESS_KEY) throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (or leave both unset to use the instance\'s role)');
  if (env.NODE_ENV === 'production') {
    const problems = productionProblems(env);
    if (problems.length) throw new ConfigError(`NODE_ENV=production needs:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    return configFrom(env, env.SESSION_SECRET!);
  }
  return configFrom(env, env.SESSION_SECRET ?? devSecret(resolve(env.DATA_DIR)));
}

/** Everything production lacks, each named: an operator fixes them all in one go. */
function productionProblems(env: Env): string[] {
  const problems: string[] = [];
  if (!env.SESSION_SECRET) problems.push('SESSION_SECRET: at least 32 random characters (openssl rand -base64 48); it keys session ids');
  if (!env.PUBLIC_URL) problems.push('PUBLIC_URL: the https:// address people use (the allowed Origin, the base of links and of Khalti\'s return URL)');
  else if ((env.COOKIE_SECURE ?? true) && !env.PUBLIC_URL.startsWith('https://')) problems.push('PUBLIC_URL: must be https:// (cameras and Secure cookies need it), or set COOKIE_SECURE=false for a plain-http test');
  if (env.KHALTI_SECRET_KEY && !env.KHALTI_BASE_URL.startsWith('https://')) problems.push('KHALTI_BASE_URL: must be an https:// address in production');
  return problems;
}

function devSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
