import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { RefundReason } from '../../../contracts/payments.js';
import { systemCtx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { hospitals, payments, refunds } from '../../db/schema/index.js';
import { inTransaction, type Outbox } from '../../realtime/outbox.js';
import type { AppointmentRow } from '../appointments/appointments.queries.js';
import type { Party } from '../appointments/lifecycle.js';
import type { PaymentRow } from './payments.queries.js';
import { defaultOrigin, paymentsOf } from './provider.js';
import { recordPaymentEvent, rupees, tellPatient } from './record.js';

/** How long an instance holds a refund it is making (Khalti is called outside any transaction). */
const CLAIM_MS = 2 * 60_000;
const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);

/**
 * Queues the one refund a payment may have (a unique index: asking twice changes nothing).
 * Online payments are refunded through Khalti after the commit (or by the job); a desk
 * payment's refund is paid back at the desk. Returns the refund to make now, if any.
 */
export async function queueRefund(tx: Tx, outbox: Outbox, ctx: Ctx, p: PaymentRow, r: { amount: number; reason: RefundReason }): Promise<string | null> {
  const now = ctx.clock.now();
  const status = p.provider === 'desk' ? ('at_desk' as const) : ('pending' as const);
  const [row] = await tx
    .insert(refunds)
    .values({ paymentId: p.id, hospitalId: p.hospitalId, amount: r.amount, status, reason: r.reason, requestedBy: ctx.actor?.userId ?? null, nextAttemptAt: now, createdAt: now })
    .onConflictDoNothing({ target: refunds.paymentId })
    .returning({ id: refunds.id });
  if (!row) return null;
  await recordPaymentEvent(tx, outbox, ctx, p, 'refund_requested', p.status, { refundId: row.id, refundAmount: r.amount, reason: r.reason, refundStatus: status });
  if (status === 'at_desk')
    await tellPatient(tx, outbox, p, 'refund_at_desk', 'Your payment will be refunded at the hospital', `${rupees(r.amount)} paid at the desk will be paid back there.`);
  return status === 'pending' ? row.id : null;
}

/**
 * A confirmed (paid) appointment was just cancelled, in the same transaction: its payment is
 * refunded in full when the doctor or the hospital cancelled; the patient's own cancellation
 * follows the hospital's policy (in full until N hours before the start, nothing after).
 */
export async function refundOnCancel(tx: Tx, outbox: Outbox, ctx: Ctx, row: AppointmentRow, party: Party) {
  const a = row.appointment;
  const [p] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.appointmentId, a.id), eq(payments.grants, true), eq(payments.status, 'completed')))
    .for('update');
  if (!p) return;
  const now = ctx.clock.now();
  const [policy] = await tx.select({ hours: hospitals.refundFullUntilHours }).from(hospitals).where(eq(hospitals.id, a.hospitalId));
  const hours = policy!.hours;
  if (party === 'patient' && now.getTime() > a.startsAt.getTime() - hours * 3_600_000) {
    await recordPaymentEvent(tx, outbox, ctx, p, 'not_refunded', p.status, { reason: 'patient_cancelled', refundFullUntilHours: hours });
    await tellPatient(tx, outbox, p, 'not_refunded', 'No refund for this cancellation', `The hospital refunds visits cancelled at least ${hours} hours before their start.`);
    return;
  }
  const reason: RefundReason = party === 'patient' ? 'patient_cancelled' : party === 'doctor' ? 'doctor_cancelled' : 'hospital_cancelled';
  await queueRefund(tx, outbox, ctx, p, { amount: p.amount, reason });
}

/** After a cancel has committed: make the refunds it queued now (what fails, the job retries). */
export async function refundsAfterCancel(ctx: Ctx, appointmentId: string) {
  const system = systemCtx(ctx, "a cancelled visit's payment is refunded");
  const due = await ctx.db
    .select({ id: refunds.id })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(and(eq(payments.appointmentId, appointmentId), eq(refunds.status, 'pending')));
  for (const { id } of due) await processRefund(system, id);
}

/**
 * Makes one queued refund through Khalti. An instance first claims it (so two never call at
 * once); after an attempt whose answer may have been lost, Khalti is asked whether the money
 * already went back before anything is sent again. True when the refund is done.
 */
export async function processRefund(ctx: Ctx, refundId: string): Promise<boolean> {
  const now = ctx.clock.now();
  const [claimed] = await ctx.db
    .update(refunds)
    .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${refunds.attempts} + 1` })
    .where(and(eq(refunds.id, refundId), eq(refunds.status, 'pending'), or(isNull(refunds.claimedUntil), lt(refunds.claimedUntil, now))))
    .returning();
  if (!claimed) return false;
  const [p] = await ctx.db.select().from(payments).where(eq(payments.id, claimed.paymentId));
  const client = paymentsOf(ctx.config).client(defaultOrigin(ctx.config));
  let done = false;
  let error: NonNullable<PaymentRow['lastError']> | null = null;
  if (claimed.attempts > 1 && p!.pidx) {
    const look = await client.lookup(p!.pidx);
    done = look.ok && look.pidx === p!.pidx && (look.status === 'Refunded' || look.status === 'Partially refunded');
  }
  if (!done) {
    const res = await client.refund(p!.transactionId!, claimed.amount === p!.amount ? undefined : claimed.amount);
    done = res.ok;
    if (!res.ok) error = res.error;
  }
  return inTransaction(ctx, async (tx, outbox) => {
    const at = ctx.clock.now();
    if (!done) {
      await tx
        .update(refunds)
        .set({ lastError: error, claimedUntil: null, nextAttemptAt: new Date(at.getTime() + backoffMs(claimed.attempts)) })
        .where(eq(refunds.id, refundId));
      await recordPaymentEvent(tx, outbox, ctx, p!, 'refund_failed', p!.status, { refundId, attempt: claimed.attempts, error });
      ctx.log.warn({ refundId, paymentId: p!.id, attempt: claimed.attempts, error }, 'Khalti refund failed: it will be retried');
      return false;
    }
    const [finished] = await tx
      .update(refunds)
      .set({ status: 'succeeded', refundedAt: at, claimedUntil: null, lastError: null })
      .where(and(eq(refunds.id, refundId), eq(refunds.status, 'pending')))
      .returning();
    if (!finished) return true;
    const status = claimed.amount === p!.amount ? ('refunded' as const) : ('partially_refunded' as const);
    await tx.update(payments).set({ status, updatedAt: at }).where(eq(payments.id, p!.id));
    await recordPaymentEvent(tx, outbox, ctx, p!, 'refunded', status, { refundId, refundAmount: claimed.amount, reason: claimed.reason });
    await tellPatient(tx, outbox, p!, 'refunded', 'Payment refunded', `${rupees(claimed.amount)} was refunded to your Khalti account.`);
    return true;
  });
}
