import { and, eq } from 'drizzle-orm';
import { doctorName } from '../../../contracts/people.js';
import { KHALTI_MINIMUM_PAISA, type PaymentOrder } from '../../../contracts/payments.js';
import { assertMayPay } from '../../access/payments.policy.js';
import { systemCtx, type ActorCtx } from '../../context.js';
import { UNIQUE_VIOLATION, sqlState } from '../../db/errors.js';
import { payments } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { inTransaction } from '../../realtime/outbox.js';
import { findAppointment, type AppointmentRow } from '../appointments/appointments.queries.js';
import { formatInZone } from '../appointments/format.js';
import { openOrderOf, type PaymentRow } from './payments.queries.js';
import { paymentsOf, type Payments } from './provider.js';
import { recordPaymentEvent } from './record.js';
import { abandonUnstarted, settlePayment } from './settle-payment.service.js';

/** An open link is handed out again only if it lasts at least this much longer. */
const REUSE_MARGIN_MS = 2 * 60_000;
const POLL_MS = 100;

const orderOf = (p: PaymentRow): PaymentOrder => ({ id: p.id, amount: p.amount, paymentUrl: p.paymentUrl!, expiresAt: p.expiresAt!.toISOString() });

/**
 * The patient pays a scheduled appointment: the order is stored first (our id, the appointment,
 * the amount in paisa, the patient), then Khalti's initiate is called, outside any transaction.
 * A second click or tab gets the same open order (one open order per appointment is a unique
 * index), not a second charge. `created` says whether a new order was made.
 */
export async function startPayment(ctx: ActorCtx, appointmentId: string, origin: string): Promise<{ order: PaymentOrder; created: boolean }> {
  const provider = paymentsOf(ctx.config);
  if (!provider.online) throw new AppError('online_payment_unavailable', 'Online payment is off here: pay at the hospital, whose staff then confirm the visit');
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await payable(ctx, appointmentId);
    const open = await openOrderOf(ctx.db, appointmentId);
    if (open) {
      const reused = await reuse(ctx, open);
      if (reused) return { order: reused, created: false };
      continue;
    }
    let created: PaymentRow;
    try {
      created = await inTransaction(ctx, async (tx, outbox) => {
        // The appointment is locked and checked again: a cancel meanwhile wins.
        const locked = await findAppointment(tx, ctx.scope, appointmentId, true);
        if (locked?.appointment.status !== 'scheduled') throw new AppError('not_payable', 'The appointment changed meanwhile; reload it');
        const now = ctx.clock.now();
        const a = locked.appointment;
        const [p] = await tx
          .insert(payments)
          .values({ hospitalId: a.hospitalId, appointmentId: a.id, patientId: a.patientId, provider: 'khalti', test: provider.test, amount: a.fee, status: 'created', createdAt: now, updatedAt: now })
          .returning();
        await recordPaymentEvent(tx, outbox, ctx, p!, 'created', 'created');
        return p!;
      });
    } catch (e) {
      if (sqlState(e) === UNIQUE_VIOLATION) continue; // another click made the order first
      throw e;
    }
    return { order: await initiate(ctx, provider, created, row, origin), created: true };
  }
  throw new AppError('payment_in_progress');
}

/** The appointment, if its patient may pay it online now. */
async function payable(ctx: ActorCtx, appointmentId: string): Promise<AppointmentRow> {
  const row = await findAppointment(ctx.db, ctx.scope, appointmentId);
  if (!row) throw notFound('No such appointment');
  const a = row.appointment;
  assertMayPay(ctx.scope, a);
  if (a.status === 'confirmed' || a.status === 'in_progress' || a.status === 'completed') throw new AppError('not_payable', 'This visit is already paid');
  if (a.status !== 'scheduled') throw new AppError('not_payable', `An appointment that is ${a.status.replace('_', ' ')} cannot be paid`);
  if (a.fee < KHALTI_MINIMUM_PAISA) throw new AppError('online_payment_unavailable', 'Khalti takes at least Rs 10: pay this fee at the hospital');
  if (a.paymentDueAt && a.paymentDueAt <= ctx.clock.now()) throw new AppError('not_payable', 'The time to pay this visit has passed');
  return row;
}

/** An open order: handed out again while its link lasts; settled first when it may have lapsed. */
async function reuse(ctx: ActorCtx, open: PaymentRow): Promise<PaymentOrder | null> {
  const now = ctx.clock.now();
  if (open.status === 'pending') throw new AppError('payment_in_progress', 'Khalti is still settling your payment: wait for it before paying again');
  if (open.status === 'created') {
    // Another click is asking Khalti right now: wait for its link, up to the client's timeout.
    const waitMs = ctx.config.payments.khalti.timeoutMs + 1_000;
    if (now.getTime() - open.createdAt.getTime() > waitMs + 60_000) {
      await abandonUnstarted(systemCtx(ctx, 'an order that never reached Khalti is closed'), open.id);
      return null;
    }
    for (let waited = 0; waited < waitMs; waited += POLL_MS) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const [p] = await ctx.db.select().from(payments).where(eq(payments.id, open.id));
      if (p!.status === 'initiated' && p!.paymentUrl) return orderOf(p!);
      if (p!.status !== 'created') return null;
    }
    throw new AppError('payment_in_progress');
  }
  if (open.expiresAt && open.expiresAt.getTime() > now.getTime() + REUSE_MARGIN_MS) return orderOf(open);
  // The link has (nearly) lapsed: ask Khalti how it ended before making another.
  const { payment } = await settlePayment(systemCtx(ctx, "a patient's new payment waits for their last order to settle"), open.id);
  if (payment.status === 'initiated' && payment.expiresAt && payment.expiresAt > now) return orderOf(payment);
  if (payment.status === 'initiated' || payment.status === 'pending') throw new AppError('payment_in_progress', 'Your last payment link is still being settled: try again in a moment');
  return null;
}

async function initiate(ctx: ActorCtx, provider: Payments, p: PaymentRow, row: AppointmentRow, origin: string): Promise<PaymentOrder> {
  const res = await provider.client(origin).initiate({
    returnUrl: `${origin}/api/payments/khalti/return`,
    websiteUrl: origin,
    amount: p.amount,
    purchaseOrderId: p.id,
    purchaseOrderName: `Video visit with ${doctorName(row.doctor)}, ${formatInZone(row.appointment.startsAt, row.timezone)}`.slice(0, 200),
  });
  return inTransaction(ctx, async (tx, outbox) => {
    const now = ctx.clock.now();
    if (!res.ok) {
      const [failed] = await tx
        .update(payments)
        .set({ status: 'failed', problem: 'initiate_failed', lastError: res.error, checkedAt: now, updatedAt: now })
        .where(eq(payments.id, p.id))
        .returning();
      await recordPaymentEvent(tx, outbox, ctx, failed!, 'initiate_failed', 'failed', { error: res.error, httpStatus: res.httpStatus ?? null });
      ctx.log.warn({ paymentId: p.id, error: res.error, httpStatus: res.httpStatus }, 'Khalti initiate failed');
      return null;
    }
    const [started] = await tx
      .update(payments)
      .set({ status: 'initiated', pidx: res.pidx, paymentUrl: res.paymentUrl, expiresAt: res.expiresAt, nextCheckAt: new Date(now.getTime() + 60_000), updatedAt: now })
      .where(and(eq(payments.id, p.id), eq(payments.status, 'created')))
      .returning();
    if (!started) return null;
    await recordPaymentEvent(tx, outbox, ctx, started, 'initiated', 'initiated', { pidx: res.pidx, expiresAt: res.expiresAt.toISOString() });
    return orderOf(started);
  }).then((order) => {
    if (!order) throw new AppError('payment_provider_unavailable', 'Khalti could not start the payment: try again in a moment');
    return order;
  });
}
