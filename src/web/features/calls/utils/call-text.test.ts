import { describe, expect, it } from 'vitest';
import { elapsed, linkText, refusalText } from './call-text.js';

describe('call text', () => {
  it('shows the time since the start as mm:ss, with hours once past one', () => {
    const start = '2030-01-01T10:00:00.000Z';
    expect(elapsed(start, Date.parse(start) + 65_000)).toBe('01:05');
    expect(elapsed(start, Date.parse(start) + 3_725_000)).toBe('1:02:05');
    expect(elapsed(null, 0)).toBe('00:00');
    expect(elapsed(start, Date.parse(start) - 5_000)).toBe('00:00');
  });

  it('says what the link is doing only while the other side is there', () => {
    expect(linkText('reconnecting', true)).toBe('Reconnecting…');
    expect(linkText('connected', true)).toBeNull();
    expect(linkText('reconnecting', false)).toBeNull();
  });

  it('explains a refusal by its code', () => {
    expect(refusalText('payment_required', 'x')).toMatch(/not paid yet/);
    expect(refusalText('too_early', 'The room opens 15 minutes before the visit')).toBe('The room opens 15 minutes before the visit');
    expect(refusalText(null, null)).toMatch(/could not be opened/);
  });
});
