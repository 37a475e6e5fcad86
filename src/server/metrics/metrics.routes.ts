import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { count, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { appointments } from '../db/schema/index.js';
import { AppError } from '../errors.js';

/** A route pattern as a label: the API's own patterns; the web app's files and pages as one. */
function routeLabel(req: FastifyRequest): string {
  const route = req.routeOptions.url;
  if (!route) return 'unmatched';
  return /^\/(api|ws|healthz|readyz|metrics|khalti-sandbox)(\/|$)/.test(route) ? route : 'web';
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * `GET /metrics` for Prometheus, only with METRICS_TOKEN set and only for a bearer of it (the
 * route does not exist otherwise). Every request is timed by its route pattern (never its
 * path: ids would make a series per patient).
 */
export function registerMetrics(app: FastifyInstance, opts: { database: Pick<Database, 'pool'> }) {
  const token = app.config.metricsToken;
  if (!token) return;
  const metrics = app.metrics;
  // On the root, before the routes, so every route is timed.
  app.addHook('onResponse', async (req, reply) => metrics.request(req.method, routeLabel(req), reply.statusCode, reply.elapsedTime / 1000));

  metrics.observe('tm_calls_in_progress', 'Video visits in progress (the same figure on every instance: read it with max)', async () => {
    const [row] = await app.db.select({ n: count() }).from(appointments).where(eq(appointments.videoCallStatus, 'in_progress'));
    return row?.n ?? 0;
  });
  if (opts.database.pool()) {
    metrics.observe('tm_db_pool_connections', "This instance's PostgreSQL connections, by state", () => {
      const p = opts.database.pool()!;
      return { busy: p.total - p.idle, idle: p.idle };
    }, 'state');
    metrics.observe('tm_db_pool_waiting', 'Queries waiting for a free PostgreSQL connection', () => opts.database.pool()!.waiting);
  }

  app.get('/metrics', { schema: { hide: true }, config: { access: 'public' } }, async (req, reply) => {
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(given), digest(token))) {
      reply.header('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new AppError('unauthenticated', 'Send the metrics token as a bearer token');
    }
    const { type, text } = (await metrics.scrape())!;
    return reply.type(type).header('Cache-Control', 'no-store').send(text);
  });
}
