import { z } from 'zod';
import { Id, IsoDateTime, Paisa, text } from './common.js';

/** Khalti refuses to take less than Rs 10 (1000 paisa). */
export const KHALTI_MINIMUM_PAISA = 1000;

/**
 * A payment's state. An online order is `created` (stored, before Khalti is asked),
 * `initiated` (Khalti gave a payment link), `pending` (Khalti says the money is on its way),
 * then `completed`, `failed` (expired, cancelled by the payer, never started), `refunded` /
 * `partially_refunded`, or `review` (Khalti's answer cannot be trusted: staff must look).
 * A desk (cash) payment is `completed` when recorded.
 */
export const PAYMENT_STATUSES = ['created', 'initiated', 'pending', 'completed', 'failed', 'refunded', 'partially_refunded', 'review'] as const;
export const PaymentStatus = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof PaymentStatus>;
/** Orders still waiting for the payer or for Khalti. */
export const OPEN_PAYMENT_STATUSES = ['created', 'initiated', 'pending'] as const satisfies readonly PaymentStatus[];

export const PaymentProvider = z.enum(['khalti', 'desk']);
export type PaymentProvider = z.infer<typeof PaymentProvider>;

/** Why a payment did not (or no longer does) pay for its visit. */
export const PaymentProblem = z.enum([
  /** Khalti's link expired unpaid. */
  'expired',
  /** The payer chose Cancel at Khalti. */
  'user_canceled',
  /** Khalti refused or could not be reached when the order was started. */
  'initiate_failed',
  /** The order was stored but Khalti never answered for it (the server stopped meanwhile). */
  'never_started',
  /** Khalti says Completed, but for another amount than the one asked. */
  'amount_mismatch',
  /** The money arrived when the visit was no longer payable (cancelled, or already paid): refunded. */
  'appointment_unavailable',
  /** Khalti says the payment was refunded, not by us. */
  'refunded_at_provider',
  /** Khalti no longer knows the order, after it expired. */
  'unknown_at_provider',
  /** Khalti never gave a clear answer, long after the link expired. */
  'unsettled',
]);
export type PaymentProblem = z.infer<typeof PaymentProblem>;

/** What went wrong the last time Khalti was asked (the order stays open, and is asked again). */
export const ProviderError = z.enum(['timeout', 'unavailable', 'malformed', 'unauthorized', 'rejected', 'not_found', 'pidx_mismatch']);
export type ProviderError = z.infer<typeof ProviderError>;

export const RefundStatus = z.enum([
  /** Queued: Khalti's refund call is made after the commit, retried by the background job. */
  'pending',
  'succeeded',
  /** A desk payment: the hospital pays it back in cash. */
  'at_desk',
]);
export type RefundStatus = z.infer<typeof RefundStatus>;

export const RefundReason = z.enum(['doctor_cancelled', 'hospital_cancelled', 'patient_cancelled', 'late_payment', 'duplicate_payment']);
export type RefundReason = z.infer<typeof RefundReason>;

export const Refund = z.object({
  id: Id,
  /** Paisa. */
  amount: z.number().int(),
  status: RefundStatus,
  reason: RefundReason,
  requestedAt: IsoDateTime,
  refundedAt: IsoDateTime.nullable(),
  attempts: z.number().int(),
  lastError: ProviderError.nullable(),
});
export type Refund = z.infer<typeof Refund>;

/** A payment as the patient's receipt and the admins' list show it. */
export const Payment = z.object({
  id: Id,
  appointmentId: Id,
  appointmentStartsAt: IsoDateTime,
  hospitalId: Id,
  hospitalName: z.string(),
  patient: z.object({ id: Id, firstName: z.string(), lastName: z.string() }),
  provider: PaymentProvider,
  /** Made against the Khalti stand-in or Khalti's sandbox: no money moved ("test payment"). */
  test: z.boolean(),
  /** Paisa. */
  amount: z.number().int(),
  status: PaymentStatus,
  problem: PaymentProblem.nullable(),
  /** Khalti's transaction id, or the desk receipt's number. */
  transactionId: z.string().nullable(),
  /** Khalti's order id: for the hospital's staff, null for the patient. */
  pidx: z.string().nullable(),
  /** While the order is open: where the payer goes to pay (for the patient only). */
  paymentUrl: z.string().nullable(),
  expiresAt: IsoDateTime.nullable(),
  paidAt: IsoDateTime.nullable(),
  /** The last time Khalti was asked about it, and what went wrong then (null: nothing). */
  checkedAt: IsoDateTime.nullable(),
  lastError: ProviderError.nullable(),
  /** Who recorded a desk payment. */
  recordedBy: z.object({ id: Id, firstName: z.string(), lastName: z.string() }).nullable(),
  refund: Refund.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Payment = z.infer<typeof Payment>;

/** What `POST /api/appointments/:id/payments` answers: the browser goes to `paymentUrl`. */
export const PaymentOrder = z.object({
  id: Id,
  /** Paisa. */
  amount: z.number().int(),
  paymentUrl: z.string(),
  expiresAt: IsoDateTime,
});
export type PaymentOrder = z.infer<typeof PaymentOrder>;

/** A payment made at the hospital's desk (cash), recorded by its admin. */
export const DeskPaymentCreate = z.object({
  /** Paisa: must be the appointment's fee. */
  amount: Paisa,
  /** The desk receipt's number, if there is one. */
  reference: text().trim().max(100).optional(),
});
export type DeskPaymentCreate = z.infer<typeof DeskPaymentCreate>;

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(item))
    .optional();

export const PaymentListQuery = z.object({
  status: csv(PaymentStatus),
  provider: PaymentProvider.optional(),
  /** Created at or after / before these instants. */
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  appointmentId: Id.optional(),
  patientId: Id.optional(),
  /** For the super admin; everyone else sees one hospital at most anyway. */
  hospitalId: Id.optional(),
  /** A transaction id, pidx or desk receipt number (exact). */
  q: text().trim().max(100).optional(),
  /** Only payments with a refund (any status). */
  refunded: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PaymentListQuery = z.infer<typeof PaymentListQuery>;

/** The same filters for the CSV export, which is not paged (up to 10,000 rows). */
export const PaymentExportQuery = PaymentListQuery.omit({ limit: true, offset: true });
export type PaymentExportQuery = z.infer<typeof PaymentExportQuery>;

export const PaymentTotalsQuery = z.object({ from: IsoDateTime.optional(), to: IsoDateTime.optional() });

/** Money per hospital, in paisa: what was paid (online and at the desk), refunded, and what remains. */
export const HospitalPaymentTotals = z.object({
  hospitalId: Id,
  hospitalName: z.string(),
  paidCount: z.number().int(),
  paidAmount: z.number().int(),
  onlineAmount: z.number().int(),
  deskAmount: z.number().int(),
  refundedCount: z.number().int(),
  refundedAmount: z.number().int(),
  /** Refunds queued or due at the desk. */
  refundsOutstanding: z.number().int(),
  netAmount: z.number().int(),
  /** Payments staff must look at (`review`, `partially_refunded`). */
  reviewCount: z.number().int(),
});
export const PaymentTotals = z.object({ items: z.array(HospitalPaymentTotals), total: z.number().int() });
export type PaymentTotals = z.infer<typeof PaymentTotals>;

/** Whether patients can pay online here, and how. */
export const PaymentsConfig = z.object({
  /** false in production without a Khalti key: patients pay at the hospital (the desk payment). */
  online: z.boolean(),
  provider: z.enum(['khalti', 'stand-in']).nullable(),
  /** Payments go to the stand-in or Khalti's sandbox: label them "test payment". */
  test: z.boolean(),
  /** Paisa: a fee below it cannot be paid online. */
  minimumAmount: z.number().int(),
});
export type PaymentsConfig = z.infer<typeof PaymentsConfig>;

/**
 * What `GET /api/payments/khalti/return` tells the appointment page, as `?payment=<outcome>`:
 * `paid`; `pending` (Khalti has not settled it: checked again in the background); `unpaid`
 * (Khalti has no payment for the order yet: its link still works until it expires); `cancelled`
 * (by the payer) and `expired` and `failed` (pay again); `refunding` / `refunded` (paid when the
 * visit could no longer be: refunded in full); `review` (the answer could not be trusted: the hospital will
 * look); `error` (Khalti could not be asked: checked again in the background); `unknown` (no such
 * order: sent to `/appointments`).
 */
export const PaymentOutcome = z.enum(['paid', 'pending', 'unpaid', 'cancelled', 'expired', 'failed', 'refunding', 'refunded', 'review', 'error', 'unknown']);
export type PaymentOutcome = z.infer<typeof PaymentOutcome>;

/** Khalti's query string on the way back. None of it is trusted: `pidx` only names the order to look up. */
export const KhaltiReturnQuery = z
  .object({
    pidx: z.string().max(200).optional(),
    status: z.string().max(100).optional(),
    purchase_order_id: z.string().max(200).optional(),
  })
  .loose();
