import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DoctorDashboard, DoctorDashboardQuery, PatientDashboard } from '../../../contracts/dashboard.js';
import { actorCtxOf } from '../../context.js';
import { doctorDashboard, patientDashboard } from './dashboard.service.js';

export async function dashboardRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get('/api/dashboard', {
    schema: { tags: ['dashboard'], response: { 200: PatientDashboard } },
    config: { access: ['patient'] },
  }, async (req) => patientDashboard(actorCtxOf(req)));

  app.get('/api/dashboard/doctor', {
    schema: { tags: ['dashboard'], querystring: DoctorDashboardQuery, response: { 200: DoctorDashboard } },
    config: { access: ['doctor'] },
  }, async (req) => doctorDashboard(actorCtxOf(req), req.query));
}
