import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PatientDashboard } from '../../../contracts/dashboard.js';
import { actorCtxOf } from '../../context.js';
import { patientDashboard } from './dashboard.service.js';

export async function dashboardRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get('/api/dashboard', {
    schema: { tags: ['dashboard'], response: { 200: PatientDashboard } },
    config: { access: ['patient'] },
  }, async (req) => patientDashboard(actorCtxOf(req)));
}
