import type { Payment, PaymentProblem, PaymentProvider, PaymentStatus, ProviderError, RefundReason, RefundStatus } from '../../../../contracts/payments.js';
import { formatPaisa } from '../../../lib/money.js';

type Tone = 'green' | 'grey' | 'amber' | 'blue' | 'red';

/** Every payment status as staff and patients read it. */
export const paymentStatus: Record<PaymentStatus, { label: string; tone: Tone }> = {
  created: { label: 'Starting', tone: 'amber' },
  initiated: { label: 'Awaiting payment', tone: 'amber' },
  pending: { label: 'Waiting for Khalti', tone: 'amber' },
  completed: { label: 'Paid', tone: 'green' },
  failed: { label: 'Not paid', tone: 'grey' },
  refunded: { label: 'Refunded', tone: 'blue' },
  partially_refunded: { label: 'Partly refunded', tone: 'red' },
  review: { label: 'Needs review', tone: 'red' },
};

export const providerLabel: Record<PaymentProvider, string> = { khalti: 'Khalti', desk: 'At the desk (cash)' };

/** Why a payment did not pay for its visit, in a few words. */
export const problemText: Record<PaymentProblem, string> = {
  expired: 'The payment link expired unpaid',
  user_canceled: 'Cancelled by the payer at Khalti',
  initiate_failed: 'Khalti could not start the payment',
  never_started: 'Never reached Khalti',
  amount_mismatch: 'Khalti reported another amount than the one asked',
  appointment_unavailable: 'Paid when the visit could no longer be: refunded in full',
  refunded_at_provider: 'Refunded at Khalti',
  unknown_at_provider: 'Khalti no longer knows this payment',
  unsettled: 'Khalti never gave a clear answer',
};

export const providerErrorText: Record<ProviderError, string> = {
  timeout: 'Khalti did not answer in time',
  unavailable: 'Khalti could not be reached',
  malformed: 'Khalti’s answer could not be read',
  unauthorized: 'Khalti refused our key',
  rejected: 'Khalti refused the request',
  not_found: 'Khalti does not know this payment',
  pidx_mismatch: 'Khalti answered about another payment',
};

export const refundReasonText: Record<RefundReason, string> = {
  doctor_cancelled: 'the doctor cancelled the visit',
  hospital_cancelled: 'the hospital cancelled the visit',
  patient_cancelled: 'the patient cancelled in time',
  late_payment: 'the payment arrived after the visit was cancelled',
  duplicate_payment: 'the visit was already paid',
};

const refundStatusText: Record<RefundStatus, string> = {
  pending: 'being refunded',
  succeeded: 'refunded',
  at_desk: 'to be paid back at the desk',
};

/** "Rs 1,500.00 refunded (the doctor cancelled the visit)". */
export function refundSummary(refund: NonNullable<Payment['refund']>): string {
  return `${formatPaisa(refund.amount)} ${refundStatusText[refund.status]} (${refundReasonText[refund.reason]})`;
}
