import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.js';

const Live = z.object({ status: z.literal('ok') });
const Check = z.enum(['ok', 'unreachable', 'behind']);
const Ready = z.object({
  status: z.enum(['ready', 'unavailable']),
  database: Check,
  redis: z.enum(['ok', 'unreachable', 'unused']),
  migrations: Check,
  draining: z.boolean(),
});

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/**
 * `/healthz`: liveness, the process answers (restart it if not). `/readyz`: readiness, send it
 * people: the database and Redis answer, the database has every migration this build knows, and
 * the instance is not shutting down (SIGTERM makes it fail first: shutdown.ts).
 */
export async function healthRoutes(base: FastifyInstance, opts: { database: Pick<Database, 'ping' | 'migrationsBehind'> }) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get('/healthz', { schema: { tags: ['health'], response: { 200: Live } }, config: { access: 'public' } }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', { schema: { tags: ['health'], response: { 200: Ready, 503: Ready } }, config: { access: 'public' } }, async (req, reply) => {
    const draining = base.lifecycle.draining;
    const [database, migrations, redis] = await Promise.all([
      within(2_000, opts.database.ping()).then(() => 'ok' as const, (err) => (req.log.warn({ err }, 'readiness: database unreachable'), 'unreachable' as const)),
      within(2_000, opts.database.migrationsBehind()).then((n) => (n > 0 ? ('behind' as const) : ('ok' as const)), () => 'unreachable' as const),
      base.config.redisUrl
        ? within(2_000, base.bus.ping()).then(() => 'ok' as const, (err) => (req.log.warn({ err }, 'readiness: Redis unreachable'), 'unreachable' as const))
        : ('unused' as const),
    ]);
    const ready = !draining && database === 'ok' && migrations === 'ok' && redis !== 'unreachable';
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', database, redis, migrations, draining });
  });
}
