import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Health = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['ok', 'unreachable']) });

/** Liveness and readiness in one: the process answers and the database does too. */
export async function healthRoutes(base: FastifyInstance, opts: { ping: () => Promise<void> }) {
  base.withTypeProvider<ZodTypeProvider>().get('/healthz', {
    schema: { tags: ['health'], response: { 200: Health, 503: Health } },
    config: { access: 'public' },
  }, async (req, reply) => {
    try {
      await opts.ping();
      return { status: 'ok' as const, database: 'ok' as const };
    } catch (err) {
      req.log.error({ err }, 'health check: database unreachable');
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
