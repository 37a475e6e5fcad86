import { and, eq } from 'drizzle-orm';
import type { PaymentOutcome, PaymentProblem, ProviderError } from '../../../contracts/payments.js';
import { systemScope } from '../../access/scope.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { payments } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { inTransaction, type Outbox } from '../../realtime/outbox.js';
import { findAppointment } from '../appointments/appointments.queries.js';
import { applyTransition } from '../appointments/transition.js';
import type { LookupResult } from './khalti.client.js';
import { isOpen, type PaymentRow } from './payments.queries.js';
import { defaultOrigin, paymentsOf } from './provider.js';
import { recordPaymentEvent, tellPatient } from './record.js';
import { processRefund, queueRefund } from './refunds.service.js';

/** After its link expired, an order Khalti still gives no clear answer about goes to staff after this long. */
export const GIVE_UP_AFTER_EXPIRY_MS = 24 * 3_600_000;

export interface Settled {
  payment: PaymentRow;
  outcome: PaymentOutcome;
}

/** What the payer is told of a payment that is no longer open. */
export function outcomeOf(p: PaymentRow): PaymentOutcome {
  if (p.status === 'completed') return p.grants ? 'paid' : 'refunding';
  if (p.status === 'refunded') return p.grants || p.problem === 'appointment_unavailable' ? 'refunded' : 'failed';
  if (p.status === 'review' || p.status === 'partially_refunded') return 'review';
  if (p.status === 'failed') return p.problem === 'user_canceled' ? 'cancelled' : p.problem === 'expired' ? 'expired' : 'failed';
  return p.status === 'pending' ? 'pending' : 'unpaid';
}

/** When the job should look an open order up again: often while the payer is at Khalti, then less. */
function nextCheck(p: PaymentRow, now: Date): Date {
  const young = now.getTime() - p.createdAt.getTime() < 15 * 60_000;
  return new Date(now.getTime() + (young ? 30_000 : 5 * 60_000));
}

/**
 * Asks Khalti about an open order and records what it says; only a lookup that says
 * `Completed`, for this order's pidx and the amount asked, confirms the appointment. Khalti is
 * asked outside any transaction; the answer is applied under the order's row lock after
 * re-reading its status, so parallel returns, tabs and instances settle it once.
 */
export async function settlePayment(ctx: Ctx, paymentId: string): Promise<Settled> {
  const [p] = await ctx.db.select().from(payments).where(eq(payments.id, paymentId));
  if (!p) throw notFound('No such payment');
  if (!isOpen(p) || !p.pidx) return { payment: p, outcome: outcomeOf(p) };
  const look = await paymentsOf(ctx.config).client(defaultOrigin(ctx.config)).lookup(p.pidx);
  const { settled, refundId } = await inTransaction(ctx, (tx, outbox) => apply(tx, outbox, ctx, p.id, look));
  if (!refundId) return settled;
  // Paid when the visit could no longer be: refunded now (the job retries if Khalti fails).
  await processRefund(ctx, refundId);
  const [after] = await ctx.db.select().from(payments).where(eq(payments.id, p.id));
  return { payment: after!, outcome: outcomeOf(after!) };
}

/**
 * An order stored but never started at Khalti (the server stopped, or another instance's
 * initiate never answered): nobody got its link, so it is closed, once, and audited.
 */
export async function abandonUnstarted(ctx: Ctx, paymentId: string) {
  await inTransaction(ctx, async (tx, outbox) => {
    const now = ctx.clock.now();
    const [p] = await tx
      .update(payments)
      .set({ status: 'failed', problem: 'never_started', updatedAt: now })
      .where(and(eq(payments.id, paymentId), eq(payments.status, 'created')))
      .returning();
    if (p) await recordPaymentEvent(tx, outbox, ctx, p, 'failed', 'failed', { problem: 'never_started' });
  });
}

type Applied = { settled: Settled; refundId?: string | null };

async function apply(tx: Tx, outbox: Outbox, ctx: Ctx, id: string, look: LookupResult): Promise<Applied> {
  const [p] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
  if (!p || !isOpen(p)) return { settled: { payment: p!, outcome: outcomeOf(p!) } };
  const now = ctx.clock.now();
  const set = async (patch: Partial<PaymentRow>, action: string | null, details: Record<string, unknown> = {}) => {
    const [row] = await tx.update(payments).set({ ...patch, checkedAt: now, updatedAt: now }).where(eq(payments.id, id)).returning();
    if (action) await recordPaymentEvent(tx, outbox, ctx, row!, action, row!.status, details);
    return row!;
  };
  const close = async (status: 'failed' | 'review' | 'refunded' | 'partially_refunded', problem: PaymentProblem, extra: Partial<PaymentRow> = {}) => {
    const action = status === 'failed' ? 'failed' : status === 'refunded' ? 'refunded_at_provider' : 'review';
    const row = await set({ status, problem, lastError: null, nextCheckAt: null, ...extra }, action, { problem });
    if (action === 'review')
      await tellPatient(tx, outbox, row, 'review', 'We could not confirm your payment', 'Khalti did not confirm the payment as asked. The hospital will look into it; the visit is not confirmed yet.');
    return { settled: { payment: row, outcome: outcomeOf(row) } };
  };

  if (!look.ok || look.pidx !== p.pidx) {
    const error: ProviderError = look.ok ? 'pidx_mismatch' : look.error;
    const expired = p.expiresAt !== null && now > p.expiresAt;
    if (error === 'not_found' && expired) return close('failed', 'unknown_at_provider');
    if (expired && now.getTime() > p.expiresAt!.getTime() + GIVE_UP_AFTER_EXPIRY_MS) return close('review', 'unsettled', { lastError: error });
    const row = await set({ lastError: error, nextCheckAt: nextCheck(p, now) }, error === p.lastError ? null : 'check_failed', { error });
    ctx.log.warn({ paymentId: id, error }, 'Khalti lookup failed: the order stays open and is looked up again');
    return { settled: { payment: row, outcome: 'error' } };
  }
  switch (look.status) {
    case 'Completed':
      if (look.totalAmount !== p.amount) return close('review', 'amount_mismatch', { reportedAmount: look.totalAmount, transactionId: look.transactionId });
      return complete(tx, outbox, ctx, p, look.transactionId!, now);
    case 'Pending':
    case 'Initiated': {
      const status = look.status === 'Pending' ? ('pending' as const) : p.status;
      const row = await set({ status, lastError: null, nextCheckAt: nextCheck(p, now) }, status !== p.status ? 'pending' : null);
      return { settled: { payment: row, outcome: outcomeOf(row) } };
    }
    case 'Expired':
      return close('failed', 'expired');
    case 'User canceled':
      return close('failed', 'user_canceled');
    case 'Refunded':
      return close('refunded', 'refunded_at_provider', { transactionId: look.transactionId });
    case 'Partially refunded':
      return close('partially_refunded', 'refunded_at_provider', { transactionId: look.transactionId });
  }
}

/**
 * The money arrived. It confirms the appointment if that is still waiting for it (under the
 * appointment's row lock; one confirming payment per appointment is also a unique index);
 * otherwise (cancelled meanwhile, or paid another way) it is refunded in full.
 */
async function complete(tx: Tx, outbox: Outbox, ctx: Ctx, p: PaymentRow, transactionId: string, now: Date): Promise<Applied> {
  const row = await findAppointment(tx, systemScope('a payment being settled names its appointment'), p.appointmentId, true);
  const [confirmedBy] = await tx.select({ id: payments.id }).from(payments).where(and(eq(payments.appointmentId, p.appointmentId), eq(payments.grants, true)));
  const paid = { status: 'completed' as const, transactionId, reportedAmount: p.amount, paidAt: now, checkedAt: now, updatedAt: now, lastError: null, nextCheckAt: null };
  if (row && row.appointment.status === 'scheduled' && !confirmedBy) {
    const [done] = await tx.update(payments).set({ ...paid, grants: true }).where(eq(payments.id, p.id)).returning();
    await applyTransition(tx, outbox, { row, action: 'payment-received', party: 'system', config: ctx.config, actorId: null, at: now });
    await recordPaymentEvent(tx, outbox, ctx, done!, 'completed', 'completed', { transactionId });
    return { settled: { payment: done!, outcome: 'paid' } };
  }
  const [done] = await tx.update(payments).set({ ...paid, problem: 'appointment_unavailable' }).where(eq(payments.id, p.id)).returning();
  await recordPaymentEvent(tx, outbox, ctx, done!, 'completed', 'completed', { transactionId, confirms: false, appointmentStatus: row?.appointment.status ?? null });
  const late = !row || row.appointment.status === 'cancelled' || row.appointment.status === 'rejected';
  const refundId = await queueRefund(tx, outbox, ctx, done!, { amount: done!.amount, reason: late ? 'late_payment' : 'duplicate_payment' });
  await tellPatient(
    tx,
    outbox,
    done!,
    'late',
    'Your payment is being refunded',
    late ? 'The payment arrived after the appointment was cancelled, so it is refunded in full.' : 'The visit was already paid, so this second payment is refunded in full.',
  );
  return { settled: { payment: done!, outcome: 'refunding' }, refundId };
}
