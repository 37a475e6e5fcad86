/**
 * A hospital's refund policy for a patient's own cancellation of a paid visit, as the server
 * applies it (modules/payments/refunds.service.ts): in full until `hours` before the start,
 * nothing after. (A doctor's or the hospital's cancellation is always refunded in full.)
 */
export interface RefundPolicy {
  /** Cancelling at `now` gets the fee back in full. */
  full: boolean;
  /** The last moment a cancellation is refunded in full. */
  until: Date;
}

export function refundOnPatientCancel(startsAt: string, hours: number, now: number = Date.now()): RefundPolicy {
  const until = new Date(new Date(startsAt).getTime() - hours * 3_600_000);
  return { full: now <= until.getTime(), until };
}

/** "24 hours", "1 hour", "no later than the start" (0). */
export function policyHoursText(hours: number): string {
  if (hours === 0) return 'until the visit starts';
  return `until ${hours} ${hours === 1 ? 'hour' : 'hours'} before the visit`;
}
