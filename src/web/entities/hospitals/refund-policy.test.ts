import { describe, expect, it } from 'vitest';
import { policyHoursText, refundOnPatientCancel } from './refund-policy.js';

describe('refund policy', () => {
  const start = '2030-01-20T10:00:00.000Z';
  const at = (iso: string) => new Date(iso).getTime();

  it('refunds in full up to and including the moment N hours before the start', () => {
    expect(refundOnPatientCancel(start, 24, at('2030-01-19T09:59:59.999Z'))).toEqual({ full: true, until: new Date('2030-01-19T10:00:00.000Z') });
    expect(refundOnPatientCancel(start, 24, at('2030-01-19T10:00:00.000Z')).full).toBe(true);
    expect(refundOnPatientCancel(start, 24, at('2030-01-19T10:00:00.001Z')).full).toBe(false);
  });

  it('with 0 hours, refunds until the start', () => {
    expect(refundOnPatientCancel(start, 0, at('2030-01-20T09:59:00Z')).full).toBe(true);
    expect(refundOnPatientCancel(start, 0, at('2030-01-20T10:01:00Z')).full).toBe(false);
  });

  it('says the policy as people read it', () => {
    expect(policyHoursText(24)).toBe('until 24 hours before the visit');
    expect(policyHoursText(1)).toBe('until 1 hour before the visit');
    expect(policyHoursText(0)).toBe('until the visit starts');
  });
});
