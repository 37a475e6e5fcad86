import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, listOf } from '../../../contracts/common.js';
import {
  DeskPaymentCreate,
  KHALTI_MINIMUM_PAISA,
  KhaltiReturnQuery,
  Payment,
  PaymentExportQuery,
  PaymentListQuery,
  PaymentOrder,
  PaymentsConfig,
  PaymentTotals,
  PaymentTotalsQuery,
} from '../../../contracts/payments.js';
import { actorCtxOf, ctxOf } from '../../context.js';
import { recordDeskPayment } from './desk-payment.service.js';
import { handleKhaltiReturn } from './khalti-return.service.js';
import { appointmentPayments, getPayment, listPayments } from './payments.queries.js';
import { paymentsOf } from './provider.js';
import { exportPayments, paymentTotals } from './report.service.js';
import { startPayment } from './start-payment.service.js';

const admins = ['super_admin', 'hospital_admin'] as const;
/** The address the payer uses: PUBLIC_URL when set, else what the request names. */
const originOf = (req: FastifyRequest) => req.server.config.publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.host}`;

export async function paymentRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['payments'];
  const appointmentParams = IdParams('appointmentId');

  app.get('/api/payments/config', {
    schema: { tags, response: { 200: PaymentsConfig } },
  }, async (req) => {
    const p = paymentsOf(req.server.config);
    return { online: p.online, provider: p.mode === 'off' ? null : p.mode, test: p.test, minimumAmount: KHALTI_MINIMUM_PAISA };
  });

  app.post('/api/appointments/:appointmentId/payments', {
    schema: { tags, params: appointmentParams, response: { 200: PaymentOrder, 201: PaymentOrder } },
    config: { access: ['patient'] },
  }, async (req, reply) => {
    const { order, created } = await startPayment(actorCtxOf(req), req.params.appointmentId, originOf(req));
    return reply.code(created ? 201 : 200).header('Cache-Control', 'no-store').send(order);
  });

  app.get('/api/appointments/:appointmentId/payments', {
    schema: { tags, params: appointmentParams, response: { 200: listOf(Payment) } },
    config: { access: ['patient', ...admins] },
  }, async (req) => appointmentPayments(actorCtxOf(req), req.params.appointmentId));

  app.post('/api/appointments/:appointmentId/payments/desk', {
    schema: { tags, params: appointmentParams, body: DeskPaymentCreate, response: { 201: Payment } },
    config: { access: ['hospital_admin'] },
  }, async (req, reply) => reply.code(201).send(await recordDeskPayment(actorCtxOf(req), req.params.appointmentId, req.body)));

  app.get('/api/payments/khalti/return', {
    schema: {
      tags,
      querystring: KhaltiReturnQuery,
      description: 'Where Khalti sends the payer back. Answers 303 to `/appointments/<id>?payment=<outcome>` (`PaymentOutcome`), or `/appointments?payment=unknown`.',
    },
    config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const { appointmentId, outcome } = await handleKhaltiReturn(ctxOf(req), req.query);
    const to = appointmentId ? `/appointments/${appointmentId}?payment=${outcome}` : `/appointments?payment=${outcome}`;
    return reply.header('Cache-Control', 'no-store').redirect(to, 303);
  });

  app.get('/api/payments', {
    schema: { tags, querystring: PaymentListQuery, response: { 200: listOf(Payment) } },
    config: { access: ['patient', ...admins] },
  }, async (req) => listPayments(actorCtxOf(req), req.query));

  app.get('/api/payments/export.csv', {
    schema: { tags, querystring: PaymentExportQuery, produces: ['text/csv'] },
    config: { access: admins },
  }, async (req, reply) => {
    const csv = await exportPayments(actorCtxOf(req), req.query);
    const day = req.server.clock.now().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="payments-${day}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(csv);
  });

  app.get('/api/payments/totals', {
    schema: { tags, querystring: PaymentTotalsQuery, response: { 200: PaymentTotals } },
    config: { access: admins },
  }, async (req) => paymentTotals(actorCtxOf(req), req.query));

  app.get('/api/payments/:paymentId', {
    schema: { tags, params: IdParams('paymentId'), response: { 200: Payment } },
    config: { access: ['patient', ...admins] },
  }, async (req) => getPayment(actorCtxOf(req), req.params.paymentId));
}
