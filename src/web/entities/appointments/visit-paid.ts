import type { AppointmentDetail } from '../../../contracts/appointments.js';

/**
 * Whether the visit is paid, as the doctor and the cancel dialog need to know it (doctors see no
 * payments, only the appointment): a free visit, paid (its history records the payment), or not yet.
 * Null where it no longer matters (a request, or a visit that will not take place).
 */
export function visitPaid(a: Pick<AppointmentDetail, 'status' | 'fee' | 'events'>): 'free' | 'paid' | 'unpaid' | null {
  if (!['scheduled', 'confirmed', 'in_progress', 'completed'].includes(a.status)) return null;
  if (a.fee === 0) return 'free';
  return a.events.some((e) => e.action === 'payment-received') ? 'paid' : 'unpaid';
}
