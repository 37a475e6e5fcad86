import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditEvent, AuditQuery } from '../../../contracts/audit.js';
import { listOf } from '../../../contracts/common.js';
import { actorCtxOf } from '../../context.js';
import { listAudit } from './audit.queries.js';

export async function auditRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get('/api/audit', {
    schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: listOf(AuditEvent) } },
    config: { access: ['super_admin', 'hospital_admin'] },
  }, async (req) => listAudit(actorCtxOf(req), req.query));
}
