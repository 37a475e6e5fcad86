import { describe, expect, it } from 'vitest';
import { bookability, hasHours } from './bookable.js';

const none = { windows: [], exceptions: [] };
const weekly = { windows: [{ dayOfWeek: 1, start: '09:00', end: '13:00' }], exceptions: [] };
const extra = (date: string) => ({ windows: [], exceptions: [{ date, kind: 'extra' as const, start: '17:00', end: '19:00', note: null }] });

describe('whether patients can book a doctor', () => {
  it('needs the doctor taking appointments and hours to book from', () => {
    expect(bookability(true, weekly, '2030-01-01')).toBe('bookable');
    expect(bookability(true, none, '2030-01-01')).toBe('no-hours');
    expect(bookability(false, weekly, '2030-01-01')).toBe('not-taking');
    expect(bookability(false, none, '2030-01-01')).toBe('not-taking');
  });

  it('counts extra hours on a date still to come, not past ones or days off', () => {
    expect(hasHours(extra('2030-01-01'), '2030-01-01')).toBe(true);
    expect(hasHours(extra('2029-12-31'), '2030-01-01')).toBe(false);
    expect(hasHours({ windows: [], exceptions: [{ date: '2030-02-01', kind: 'off', start: null, end: null, note: null }] }, '2030-01-01')).toBe(false);
  });
});
