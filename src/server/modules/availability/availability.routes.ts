import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Availability, AvailabilityView, SlotList, SlotsQuery } from '../../../contracts/availability.js';
import { IdParams } from '../../../contracts/common.js';
import { actorCtxOf } from '../../context.js';
import { getAvailability, listSlots, setAvailability } from './availability.service.js';

export async function availabilityRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['availability'];
  const params = IdParams('doctorId');

  app.get('/api/doctors/:doctorId/availability', {
    schema: { tags, params, response: { 200: AvailabilityView } },
  }, async (req) => getAvailability(actorCtxOf(req), req.params.doctorId));

  app.put('/api/doctors/:doctorId/availability', {
    schema: { tags, params, body: Availability, response: { 200: AvailabilityView } },
    config: { access: ['super_admin', 'hospital_admin', 'doctor'] },
  }, async (req) => setAvailability(actorCtxOf(req), req.params.doctorId, req.body));

  app.get('/api/doctors/:doctorId/slots', {
    schema: { tags, params, querystring: SlotsQuery, response: { 200: SlotList } },
  }, async (req) => listSlots(actorCtxOf(req), req.params.doctorId, req.query.from, req.query.to));
}
