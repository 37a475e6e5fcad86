import { describe, expect, it } from 'vitest';
import { visitPaid } from './visit-paid.js';

describe('paid, as the doctor sees it', () => {
  const event = (action: string) => ({ at: '2030-01-19T09:00:00.000Z', action, fromStatus: null, toStatus: 'confirmed' as const, actorId: null, actorName: null, actorRole: null, reason: null });
  it('tells paid, unpaid and free apart, and says nothing where it does not matter', () => {
    expect(visitPaid({ status: 'scheduled', fee: 150_000, events: [event('approve')] })).toBe('unpaid');
    expect(visitPaid({ status: 'confirmed', fee: 150_000, events: [event('approve'), event('payment-received')] })).toBe('paid');
    expect(visitPaid({ status: 'completed', fee: 150_000, events: [event('payment-received'), event('complete')] })).toBe('paid');
    expect(visitPaid({ status: 'confirmed', fee: 0, events: [event('confirm-free')] })).toBe('free');
    expect(visitPaid({ status: 'requested', fee: 150_000, events: [] })).toBeNull();
    expect(visitPaid({ status: 'cancelled', fee: 150_000, events: [event('payment-received')] })).toBeNull();
  });
});
