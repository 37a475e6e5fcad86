import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { authRoutes } from './modules/accounts/auth.routes.js';
import { accountLinkRoutes } from './modules/accounts/account-links.routes.js';
import { twoFactorRoutes } from './modules/accounts/two-factor/two-factor.routes.js';
import { mailRoutes } from './modules/mail/mail.routes.js';
import { startMail } from './modules/mail/mail-jobs.js';
import { appointmentRoutes } from './modules/appointments/appointments.routes.js';
import { expireOverdue } from './modules/appointments/actions.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { availabilityRoutes } from './modules/availability/availability.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { chatRoutes } from './modules/chat/chat.routes.js';
import { callRoutes } from './modules/calls/calls.routes.js';
import { CALL_PROTOCOL } from './modules/calls/call.socket.js';
import { realtimeGateway } from './realtime/gateway.js';
import { doctorRoutes } from './modules/doctors/doctors.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { hospitalRoutes } from './modules/hospitals/hospitals.routes.js';
import { patientRoutes } from './modules/patients/patients.routes.js';
import { paymentRoutes } from './modules/payments/payments.routes.js';
import { startPaymentJob } from './modules/payments/payment-job.js';
import { embeddedStandIn, mountStandIn } from './modules/payments/stand-in/mount.js';
import { registerAccessControl } from './plugins/access.js';
import { answerClientErrors, frameworkError, registerErrorHandling } from './plugins/errors.js';
import { registerOriginCheck } from './plugins/origin.js';
import { registerCompression } from './plugins/compression.js';
import { registerSecurityHeaders } from './plugins/security.js';
import { registerSessions } from './plugins/session.js';
import { SessionCache } from './modules/accounts/session-cache.js';
import { registerWeb } from './plugins/web.js';
import { memoryBus, redisBus, type Bus } from './realtime/bus.js';
import { systemCtx } from './context.js';
import { systemClock, type Clock } from './clock.js';
import { loggerOptions, RequestLog } from './log.js';
import { RateBudget } from './plugins/rate-budget.js';
import { stopAccepting } from './shutdown.js';
import { runEvery } from './periodic.js';
import { serveBackups } from './backup/control.js';
import { openFileStore } from './files/storage.js';
import { noMetrics, prometheusMetrics } from './metrics/metrics.js';
import { registerMetrics } from './metrics/metrics.routes.js';
import { compiledSerializer } from './plugins/serializer.js';

export interface AppDeps {
  /** An already-open database (tests share one per file); otherwise opened from config. */
  database?: Database;
  bus?: Bus;
  /** What "now" is; the system clock unless a test pins it. */
  clock?: Clock;
  /** Where log lines go (tests read them); stdout otherwise. */
  logStream?: NodeJS.WritableStream;
}

/** The whole server, as main.ts and every test build it. Closing the app closes what it opened. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, deps.logStream),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    logController: new RequestLog(),
    frameworkErrors: frameworkError,
  });
  answerClientErrors(app.server);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(compiledSerializer({ check: !config.production }));

  const database = deps.database ?? (await openDatabase(config.database));
  const bus = deps.bus ?? (config.redisUrl ? await redisBus(config.redisUrl, (err) => app.log.error({ err }, 'redis')) : memoryBus());
  app.decorate('db', database.db);
  app.decorate('config', config);
  app.decorate('bus', bus);
  app.decorate('clock', deps.clock ?? systemClock);
  app.decorate('limits', { chatSends: new RateBudget(config.chat.messagesPerMinute) });
  app.decorate('lifecycle', { draining: false });
  app.decorate('files', openFileStore(config));
  app.decorate('metrics', config.metricsToken ? prometheusMetrics() : noMetrics);
  app.addHook('onClose', async () => {
    if (!deps.bus) await bus.close();
    if (!deps.database) await database.close();
  });

  registerErrorHandling(app);
  registerSecurityHeaders(app, config.session.cookieSecure);
  await registerCompression(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fieldNameSize: 100, fields: 10, parts: 12 } });
  // A call socket asks for its subprotocol (the room token rides beside it); others ask for none.
  await app.register(websocket, {
    options: { maxPayload: 256 * 1024, handleProtocols: (protocols) => (protocols.has(CALL_PROTOCOL) ? CALL_PROTOCOL : false) },
    // Closing stops the listener first, then tells sockets to reconnect elsewhere (shutdown.ts).
    preClose: () => stopAccepting(app),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Telemedicine platform API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tm_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerOriginCheck(app, config);
  const sessionCache = new SessionCache(config.session.cacheMs, () => bus.reliable());
  const unlisten = sessionCache.listen(bus);
  app.addHook('onClose', async () => unlisten());
  registerSessions(app, database.db, config.session, app.clock, sessionCache);
  registerAccessControl(app);
  registerMetrics(app, { database });

  await app.register(healthRoutes, { database });
  await app.register(authRoutes);
  await app.register(accountLinkRoutes);
  await app.register(twoFactorRoutes);
  await app.register(mailRoutes);
  await app.register(hospitalRoutes);
  await app.register(doctorRoutes);
  await app.register(patientRoutes);
  await app.register(auditRoutes);
  await app.register(availabilityRoutes);
  await app.register(appointmentRoutes);
  await app.register(notificationRoutes);
  await app.register(dashboardRoutes);
  await app.register(chatRoutes);
  await app.register(callRoutes);
  await app.register(paymentRoutes);
  // No Khalti key outside production: take test payments through the stand-in this server carries.
  if (config.payments.mode === 'stand-in') await mountStandIn(app, embeddedStandIn(app.clock));
  await app.register(realtimeGateway);
  // Only for a database this app opened itself (tests share theirs).
  if (!deps.database) serveBackups(app, database);
  if (!deps.database) startVacuum(app, database, config.database.kind === 'pglite' ? config.database.vacuumMs : 0);
  startSweeper(app, config.appointments.sweepMs);
  startPaymentJob(app);
  startMail(app);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
  await registerWeb(app, config.webDir);
  return app;
}

/** The embedded database's upkeep (`Database.vacuum`): a minute after start, then every PGLITE_VACUUM_HOURS. */
function startVacuum(app: FastifyInstance, database: Database, everyMs: number) {
  const vacuum = database.vacuum;
  if (!vacuum) return;
  runEvery(
    app,
    everyMs,
    async () => {
      const started = performance.now();
      try {
        const { tables } = await vacuum();
        app.log.info({ tables, ms: Math.round(performance.now() - started) }, 'vacuumed and analyzed the embedded database');
      } catch (err) {
        app.log.error({ err }, 'vacuum of the embedded database failed');
      }
    },
    60_000,
  );
}

/** Periodically frees time held by unpaid or unanswered appointments (every instance may run it). */
function startSweeper(app: FastifyInstance, everyMs: number) {
  runEvery(app, everyMs, () =>
    expireOverdue(systemCtx(app, 'the sweep frees time held by unpaid or unanswered appointments, in every hospital'))
      .then((n) => n && app.log.info({ expired: n }, 'expired overdue appointments'))
      .catch((err) => app.log.error({ err }, 'appointment sweep failed')),
  );
}
