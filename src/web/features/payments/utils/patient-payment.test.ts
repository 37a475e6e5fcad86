import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../../contracts/payments.js';
import { confirmingPayment, patientPaymentView } from './patient-payment.js';

const online = { online: true, minimumAmount: 1000 };
const scheduled = { status: 'scheduled' as const, fee: 150_000, refundFullUntilHours: 24 };

function payment(over: Partial<Payment> = {}): Payment {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    appointmentId: '00000000-0000-4000-8000-000000000002',
    appointmentStartsAt: '2030-01-20T10:00:00.000Z',
    hospitalId: '00000000-0000-4000-8000-000000000003',
    hospitalName: 'Bir Hospital',
    patient: { id: '00000000-0000-4000-8000-000000000004', firstName: 'Maya', lastName: 'Tamang' },
    provider: 'khalti',
    test: true,
    amount: 150_000,
    status: 'initiated',
    problem: null,
    transactionId: null,
    pidx: null,
    paymentUrl: 'https://pay.example/?pidx=abc',
    expiresAt: '2030-01-19T10:00:00.000Z',
    paidAt: null,
    checkedAt: null,
    lastError: null,
    recordedBy: null,
    refund: null,
    createdAt: '2030-01-19T09:00:00.000Z',
    updatedAt: '2030-01-19T09:00:00.000Z',
    ...over,
  };
}

const paid = (over: Partial<Payment> = {}) => payment({ status: 'completed', paidAt: '2030-01-19T09:05:00.000Z', transactionId: 'T1', paymentUrl: null, ...over });
const refund = (status: 'pending' | 'succeeded' | 'at_desk', reason: 'doctor_cancelled' | 'late_payment' = 'doctor_cancelled') => ({
  id: '00000000-0000-4000-8000-000000000009',
  amount: 150_000,
  status,
  reason,
  requestedAt: '2030-01-19T10:00:00.000Z',
  refundedAt: status === 'succeeded' ? '2030-01-19T10:01:00.000Z' : null,
  attempts: 1,
  lastError: null,
});

describe('what the patient sees about paying', () => {
  it('a scheduled visit with nothing tried yet: the amount is due and Pay is offered', () => {
    expect(patientPaymentView(scheduled, [], online, null)).toEqual({ due: true, method: 'online', payLabel: 'Pay Rs 1,500.00', notice: null, waiting: false });
  });

  it('online payment off, or a fee below Khalti’s minimum: pay at the desk', () => {
    expect(patientPaymentView(scheduled, [], { online: false, minimumAmount: 1000 }, null).method).toBe('desk');
    expect(patientPaymentView({ ...scheduled, fee: 900 }, [], online, null).method).toBe('desk');
  });

  it('a free visit says nothing about money', () => {
    expect(patientPaymentView({ ...scheduled, fee: 0, status: 'confirmed' }, [], online, null)).toMatchObject({ due: false, method: null, notice: null });
  });

  it('an open order is resumed, never doubled; a pending one is waited for', () => {
    expect(patientPaymentView(scheduled, [payment()], online, null)).toMatchObject({ method: 'online', payLabel: 'Continue to Khalti', waiting: false, notice: { title: 'You have started paying' } });
    expect(patientPaymentView(scheduled, [payment()], online, 'unpaid')).toMatchObject({ method: 'online', waiting: true, notice: { title: 'Khalti has no payment for this yet' } });
    expect(patientPaymentView(scheduled, [payment({ lastError: 'timeout' })], online, 'error')).toMatchObject({ method: 'online', waiting: true, notice: { title: 'Checking your payment with Khalti' } });
    expect(patientPaymentView(scheduled, [payment({ status: 'pending' })], online, 'pending')).toMatchObject({ method: 'wait', waiting: true, notice: { title: 'Waiting for Khalti to confirm your payment' } });
  });

  it('a cancelled, expired or failed order: told so, and Pay is offered again', () => {
    const cases = [
      [{ problem: 'user_canceled' as const }, 'You cancelled the payment at Khalti'],
      [{ problem: 'expired' as const }, 'The payment link expired before it was paid'],
      [{ problem: 'initiate_failed' as const }, 'Khalti could not start the payment'],
      [{ problem: 'unsettled' as const }, 'The last payment did not go through'],
    ] as const;
    for (const [over, title] of cases) {
      const view = patientPaymentView(scheduled, [payment({ status: 'failed', paymentUrl: null, ...over }), paid({ status: 'failed' })], online, 'cancelled');
      expect(view).toMatchObject({ due: true, method: 'online', payLabel: 'Pay Rs 1,500.00', notice: { title } });
    }
  });

  it('a payment under review is explained, with the hospital to ask', () => {
    expect(patientPaymentView(scheduled, [payment({ status: 'review', problem: 'amount_mismatch' })], online, 'review').notice).toMatchObject({
      tone: 'error',
      title: 'Your payment needs a check by the hospital',
    });
  });

  it('the latest payment decides: a new open order after a cancelled one is what shows', () => {
    const view = patientPaymentView(scheduled, [payment(), payment({ status: 'failed', problem: 'user_canceled' })], online, 'cancelled');
    expect(view.notice?.title).toBe('You have started paying');
  });

  it('paid: confirmed, said once after Khalti’s return; the confirming payment is the receipt', () => {
    const confirmed = { ...scheduled, status: 'confirmed' as const };
    expect(patientPaymentView(confirmed, [paid()], online, 'paid')).toMatchObject({ due: false, method: null, notice: { tone: 'success', title: 'Payment received: your visit is confirmed' } });
    expect(patientPaymentView(confirmed, [paid()], online, null).notice).toBeNull();
    // The data wins over a stale outcome: the return said pending, the payment has since completed.
    expect(patientPaymentView(confirmed, [paid()], online, 'pending').notice?.tone).toBe('success');
    const late = paid({ id: '00000000-0000-4000-8000-00000000000a', problem: 'appointment_unavailable', refund: refund('succeeded', 'late_payment') });
    expect(confirmingPayment([late, paid()])?.id).toBe(paid().id);
    expect(patientPaymentView(confirmed, [late, paid()], online, 'refunded').notice).toMatchObject({ title: 'This visit was already paid' });
  });

  it('a cancelled paid visit says what became of the money', () => {
    const cancelled = { ...scheduled, status: 'cancelled' as const };
    expect(patientPaymentView(cancelled, [paid({ status: 'refunded', refund: refund('succeeded') })], online, null).notice).toEqual({
      tone: 'info',
      title: 'Your payment was refunded',
      body: 'Rs 1,500.00 refunded (the doctor cancelled the visit).',
    });
    expect(patientPaymentView(cancelled, [paid({ refund: refund('pending') })], online, null).notice?.title).toBe('Your payment is being refunded');
    expect(patientPaymentView(cancelled, [paid({ provider: 'desk', refund: refund('at_desk') })], online, null).notice?.title).toBe('Your payment is paid back at the hospital’s desk');
    expect(patientPaymentView(cancelled, [paid()], online, null).notice).toMatchObject({
      title: 'Your payment was not refunded',
      body: 'The hospital refunds a cancellation by the patient until 24 hours before the visit; this one came later.',
    });
    expect(patientPaymentView(cancelled, [payment({ status: 'failed', problem: 'expired' })], online, null).notice).toBeNull();
  });
});
