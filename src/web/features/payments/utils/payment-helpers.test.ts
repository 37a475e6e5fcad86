import { describe, expect, it } from 'vitest';
import { isFiltered, paymentQuery, readPaymentFilters } from './payment-filters.js';
import { checkoutUrl, parseOutcome } from './payment-return.js';

describe('payment list filters', () => {
  it('keeps only what the API takes from the URL', () => {
    const f = readPaymentFilters(new URLSearchParams('status=completed&provider=desk&from=2030-01-01&to=2030-01-31&refunded=true&q=%20T-1%20&hospital=00000000-0000-4000-8000-000000000003'));
    expect(f).toEqual({ status: 'completed', provider: 'desk', from: '2030-01-01', to: '2030-01-31', refunded: 'true', q: 'T-1', hospitalId: '00000000-0000-4000-8000-000000000003' });
    expect(isFiltered(f)).toBe(true);
    const junk = readPaymentFilters(new URLSearchParams('status=paid&provider=cash&from=yesterday&refunded=maybe&hospital=1'));
    expect(junk).toEqual({ status: '', provider: '', from: '', to: '', refunded: '', q: '', hospitalId: '' });
    expect(isFiltered(junk)).toBe(false);
  });

  it('turns them into the API query, dates as whole local days', () => {
    const q = paymentQuery({ status: 'completed', provider: '', from: '2030-01-01', to: '2030-01-01', refunded: 'false', q: '', hospitalId: '' });
    expect(q).toMatchObject({ status: 'completed', provider: undefined, refunded: 'false', q: undefined, hospitalId: undefined });
    expect(Date.parse(q.to!) - Date.parse(q.from!)).toBe(24 * 3_600_000);
  });
});

describe('coming back from Khalti', () => {
  it('reads only known outcomes', () => {
    expect(parseOutcome('paid')).toBe('paid');
    expect(parseOutcome('cancelled')).toBe('cancelled');
    expect(parseOutcome('Completed')).toBeNull();
    expect(parseOutcome(null)).toBeNull();
  });

  it('goes only to http(s) checkout addresses', () => {
    expect(checkoutUrl('https://pay.khalti.com/?pidx=abc', 'http://localhost')).toBe('https://pay.khalti.com/?pidx=abc');
    expect(checkoutUrl('/khalti-sandbox/pay/?pidx=abc', 'http://127.0.0.1:8000/appointments/x')).toBe('http://127.0.0.1:8000/khalti-sandbox/pay/?pidx=abc');
    expect(checkoutUrl('javascript:alert(1)', 'http://localhost')).toBeNull();
    expect(checkoutUrl('http://[bad', 'http://localhost')).toBeNull();
  });
});
