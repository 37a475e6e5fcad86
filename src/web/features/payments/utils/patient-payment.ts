import type { Appointment } from '../../../../contracts/appointments.js';
import { OPEN_PAYMENT_STATUSES, type Payment, type PaymentOutcome, type PaymentsConfig } from '../../../../contracts/payments.js';
import { formatPaisa } from '../../../lib/money.js';
import { policyHoursText } from '../../../entities/hospitals/refund-policy.js';
import { refundSummary } from './payment-labels.js';

export interface PaymentNotice {
  tone: 'info' | 'success' | 'warning' | 'error';
  title: string;
  body?: string;
}

/** What the patient's part of the appointment page says and offers about paying. */
export interface PatientPaymentView {
  /** The fee is still due: show the amount, the deadline and what happens after it. */
  due: boolean;
  /**
   * How it is paid now: `online` (the Pay button), `desk` (online payment is off here, or the
   * fee is below Khalti's minimum), `wait` (Khalti is settling an order: no second one), or none.
   */
  method: 'online' | 'desk' | 'wait' | null;
  /** The Pay button's words. */
  payLabel: string;
  /** How the last payment went, or what became of the money. */
  notice: PaymentNotice | null;
  /** An order Khalti has not settled yet: look again often. */
  waiting: boolean;
}

const PAID_STATUSES: readonly Appointment['status'][] = ['confirmed', 'in_progress', 'completed'];
const isOpen = (p: Payment) => (OPEN_PAYMENT_STATUSES as readonly string[]).includes(p.status);

/** Money that arrived for this visit (a receipt), newest first. */
export const paidPayments = (payments: readonly Payment[]) => payments.filter((p) => p.paidAt !== null);

/** The payment that confirmed the visit (Khalti's or the desk's), if one did. */
export const confirmingPayment = (payments: readonly Payment[]) => paidPayments(payments).find((p) => p.problem === null);

/** What a payment that did not pay for the visit means for the patient. */
function failureNotice(p: Payment): PaymentNotice | null {
  if (p.status === 'review')
    return {
      tone: 'error',
      title: 'Your payment needs a check by the hospital',
      body: 'Khalti’s answer did not match what was asked, so the visit is not confirmed yet. The hospital’s staff will look into it: ask them before paying again.',
    };
  if (p.status === 'refunded' || p.status === 'partially_refunded')
    return { tone: 'warning', title: 'Your last payment was refunded at Khalti', body: 'It does not pay for the visit. Pay again to confirm it.' };
  if (p.status !== 'failed') return null;
  switch (p.problem) {
    case 'user_canceled':
      return { tone: 'warning', title: 'You cancelled the payment at Khalti', body: 'Nothing was charged. You can pay again.' };
    case 'expired':
      return { tone: 'warning', title: 'The payment link expired before it was paid', body: 'Nothing was charged. You can pay again.' };
    case 'initiate_failed':
      return { tone: 'error', title: 'Khalti could not start the payment', body: 'Nothing was charged. Try again in a moment.' };
    default:
      return { tone: 'warning', title: 'The last payment did not go through', body: 'It did not confirm the visit. Pay again; if money left your account, ask the hospital.' };
  }
}

/** An order Khalti has not settled: what the patient waits for, and whether the link may be used again. */
function openView(p: Payment, outcome: PaymentOutcome | null, due: Omit<PatientPaymentView, 'method' | 'notice' | 'waiting'>): PatientPaymentView {
  const resume = { ...due, method: 'online' as const, payLabel: 'Continue to Khalti' };
  if (p.status !== 'initiated')
    return {
      ...due,
      method: 'wait',
      waiting: true,
      notice: { tone: 'info', title: 'Waiting for Khalti to confirm your payment', body: 'This page updates by itself once Khalti settles it. There is no need to pay again.' },
    };
  if (outcome === 'error' || p.lastError)
    return {
      ...resume,
      waiting: true,
      notice: {
        tone: 'info',
        title: 'Checking your payment with Khalti',
        body: 'Khalti could not be asked just now; we ask again in the background and this page updates by itself. If you did not finish paying, continue to Khalti: the same payment is resumed, never charged twice.',
      },
    };
  if (outcome === 'unpaid')
    return {
      ...resume,
      waiting: true,
      notice: { tone: 'warning', title: 'Khalti has no payment for this yet', body: 'If you paid, it shows here in a moment. Otherwise continue to Khalti: the same payment link still works.' },
    };
  return {
    ...resume,
    waiting: false,
    notice: { tone: 'info', title: 'You have started paying', body: 'Continue to Khalti to finish. The same payment is resumed, never charged twice.' },
  };
}

/** What became of the money of a visit that will not take place. */
function moneyOfCancelledVisit(a: Pick<Appointment, 'refundFullUntilHours'>, payments: readonly Payment[]): PaymentNotice | null {
  const paid = paidPayments(payments);
  const refunded = paid.find((p) => p.refund);
  if (refunded?.refund) {
    const r = refunded.refund;
    if (r.status === 'succeeded') return { tone: 'info', title: 'Your payment was refunded', body: `${refundSummary(r)}.` };
    if (r.status === 'at_desk') return { tone: 'info', title: 'Your payment is paid back at the hospital’s desk', body: `${refundSummary(r)}.` };
    return { tone: 'info', title: 'Your payment is being refunded', body: `${refundSummary(r)}. Khalti returns it to the account you paid from.` };
  }
  if (paid.some((p) => p.status === 'completed'))
    return {
      tone: 'warning',
      title: 'Your payment was not refunded',
      body: `The hospital refunds a cancellation by the patient ${policyHoursText(a.refundFullUntilHours)}; this one came later.`,
    };
  return null;
}

/**
 * The patient's view of paying one appointment, from the live data (the appointment, its
 * payments newest first, whether online payment is on) and the outcome Khalti's return put in
 * the URL. The data wins over the outcome: the URL says how it stood when the payer came back,
 * the payments how it stands now.
 */
export function patientPaymentView(
  a: Pick<Appointment, 'status' | 'fee' | 'refundFullUntilHours'>,
  payments: readonly Payment[],
  config: Pick<PaymentsConfig, 'online' | 'minimumAmount'>,
  outcome: PaymentOutcome | null,
): PatientPaymentView {
  const none: PatientPaymentView = { due: false, method: null, payLabel: '', notice: null, waiting: false };
  if (a.fee === 0) return none;
  const latest = payments[0];

  if (PAID_STATUSES.includes(a.status)) {
    const extra = paidPayments(payments).find((p) => p.problem === 'appointment_unavailable');
    if (extra && (outcome === 'refunding' || outcome === 'refunded'))
      return { ...none, notice: { tone: 'info', title: 'This visit was already paid', body: `Your second payment is refunded in full: ${extra.refund ? refundSummary(extra.refund) : formatPaisa(extra.amount)}.` } };
    return outcome && outcome !== 'unknown' ? { ...none, notice: { tone: 'success', title: 'Payment received: your visit is confirmed' } } : none;
  }

  if (a.status !== 'scheduled') return { ...none, notice: moneyOfCancelledVisit(a, payments) };

  const due = { due: true, payLabel: `Pay ${formatPaisa(a.fee)}` };
  if (!config.online || a.fee < config.minimumAmount) return { ...due, method: 'desk', notice: null, waiting: false };
  if (latest && isOpen(latest)) return openView(latest, outcome, due);
  return { ...due, method: 'online', notice: latest ? failureNotice(latest) : null, waiting: false };
}
