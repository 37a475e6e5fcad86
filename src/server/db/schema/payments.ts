import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PaymentProvider, PaymentStatus, RefundStatus, type PaymentProblem, type ProviderError, type RefundReason } from '../../../contracts/payments.js';
import { appointments } from './appointments.js';
import { createdAt, id, tstz, updatedAt } from './columns.js';
import { hospitals } from './hospitals.js';
import { users } from './users.js';

const values = <T extends string>(options: readonly T[]) => options as unknown as [T, ...T[]];

export const paymentStatusEnum = pgEnum('payment_status', values(PaymentStatus.options));
export const paymentProviderEnum = pgEnum('payment_provider', values(PaymentProvider.options));
export const refundStatusEnum = pgEnum('refund_status', values(RefundStatus.options));

/**
 * One payment of one appointment's fee: an online order at Khalti (stored before Khalti is
 * asked) or a desk payment. The unique indexes are what keeps it idempotent: one payment per
 * pidx and per Khalti transaction, one open online order per appointment, and one payment that
 * confirms (`grants`) each appointment.
 */
export const payments = pgTable(
  'payments',
  {
    /** Our order id: Khalti's `purchase_order_id`. */
    id: id(),
    hospitalId: uuid('hospital_id')
      .notNull()
      .references(() => hospitals.id),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => users.id),
    provider: paymentProviderEnum('provider').notNull(),
    /** Made against the stand-in or Khalti's sandbox: no money moved. */
    test: boolean('test').notNull().default(false),
    /** Integer paisa asked for. */
    amount: integer('amount').notNull(),
    status: paymentStatusEnum('status').notNull(),
    problem: text('problem').$type<PaymentProblem>(),
    /** This payment confirmed its appointment. */
    grants: boolean('grants').notNull().default(false),
    pidx: text('pidx'),
    paymentUrl: text('payment_url'),
    expiresAt: tstz('expires_at'),
    /** Khalti's transaction id, or the desk receipt's number. */
    transactionId: text('transaction_id'),
    /** What Khalti's lookup reported as paid (paisa), when it was looked up as Completed. */
    reportedAmount: integer('reported_amount'),
    paidAt: tstz('paid_at'),
    checkedAt: tstz('checked_at'),
    /** When the background job may look it up next (it claims an order by moving this on). */
    nextCheckAt: tstz('next_check_at'),
    lastError: text('last_error').$type<ProviderError>(),
    /** The admin who recorded a desk payment. */
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('payments_pidx_unique').on(t.pidx),
    uniqueIndex('payments_khalti_transaction_unique').on(t.transactionId).where(sql`${t.provider} = 'khalti'`),
    uniqueIndex('payments_one_confirmation').on(t.appointmentId).where(sql`${t.grants}`),
    uniqueIndex('payments_one_open_order')
      .on(t.appointmentId)
      .where(sql`${t.status} in ('created', 'initiated', 'pending')`),
    index('payments_hospital_created_idx').on(t.hospitalId, t.createdAt),
    index('payments_patient_idx').on(t.patientId, t.createdAt),
    index('payments_appointment_idx').on(t.appointmentId),
    index('payments_next_check_idx').on(t.nextCheckAt).where(sql`${t.status} in ('created', 'initiated', 'pending')`),
    check('payments_amount_positive', sql`${t.amount} > 0`),
    check('payments_grants_completed', sql`not ${t.grants} or ${t.status} in ('completed', 'refunded', 'partially_refunded')`),
  ],
);

/** The one refund a payment may have (full, or the part a policy allows). */
export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    hospitalId: uuid('hospital_id')
      .notNull()
      .references(() => hospitals.id),
    amount: integer('amount').notNull(),
    status: refundStatusEnum('status').notNull(),
    reason: text('reason').$type<RefundReason>().notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error').$type<ProviderError>(),
    nextAttemptAt: tstz('next_attempt_at'),
    /** An instance working on it holds it until then (Khalti is called outside any transaction). */
    claimedUntil: tstz('claimed_until'),
    createdAt: createdAt(),
    refundedAt: tstz('refunded_at'),
  },
  (t) => [
    uniqueIndex('refunds_one_per_payment').on(t.paymentId),
    index('refunds_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    check('refunds_amount_positive', sql`${t.amount} > 0`),
  ],
);
