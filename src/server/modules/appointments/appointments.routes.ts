import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ActionBodies, APPOINTMENT_ACTIONS, AppointmentCreate, AppointmentDetail, AppointmentListQuery, Appointment } from '../../../contracts/appointments.js';
import { IdParams, listOf } from '../../../contracts/common.js';
import { actorCtxOf } from '../../context.js';
import { act } from './actions.service.js';
import { getAppointment, listAppointments, requestAppointment } from './appointments.service.js';
import { appointmentIcs } from './calendar.js';

export async function appointmentRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['appointments'];
  const params = IdParams('appointmentId');

  app.post('/api/appointments', {
    schema: { tags, body: AppointmentCreate, response: { 201: AppointmentDetail } },
    config: { access: ['patient'] },
  }, async (req, reply) => reply.code(201).send(await requestAppointment(actorCtxOf(req), req.body)));

  app.get('/api/appointments', {
    schema: { tags, querystring: AppointmentListQuery, response: { 200: listOf(Appointment) } },
  }, async (req) => listAppointments(actorCtxOf(req), req.query));

  app.get('/api/appointments/:appointmentId', {
    schema: { tags, params, response: { 200: AppointmentDetail } },
  }, async (req) => getAppointment(actorCtxOf(req), req.params.appointmentId));

  for (const action of APPOINTMENT_ACTIONS) {
    app.post(`/api/appointments/:appointmentId/${action}`, {
      schema: { tags, params, body: ActionBodies[action], response: { 200: AppointmentDetail } },
      // The hospital's admins may cancel (a paid visit is then refunded in full).
      config: { access: action === 'cancel' ? ['patient', 'doctor', 'hospital_admin'] : ['patient', 'doctor'] },
    }, async (req) => act(actorCtxOf(req), req.params.appointmentId, action, req.body as never));
  }

  app.get('/api/appointments/:appointmentId/calendar.ics', {
    schema: { tags, params },
  }, async (req, reply) => {
    const ctx = actorCtxOf(req);
    const a = await getAppointment(ctx, req.params.appointmentId);
    const viewer = a.patient.id === ctx.actor.userId ? 'patient' : a.doctor.id === ctx.actor.userId ? 'doctor' : 'staff';
    const origin = ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;
    return reply
      .type('text/calendar; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="appointment-${a.id}.ics"`)
      // Its STATUS and SEQUENCE change with the appointment: always fetch it afresh.
      .header('Cache-Control', 'no-store')
      .send(appointmentIcs(a, viewer, `${origin}/appointments/${a.id}`, ctx.clock.now()));
  });
}
