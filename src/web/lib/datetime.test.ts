import { describe, expect, it } from 'vitest';
import { dateRangeQuery } from './datetime.js';

describe('date range filters', () => {
  it('turns an inclusive date range into instants covering whole local days', () => {
    const { from, to } = dateRangeQuery('2025-11-24', '2025-11-24');
    expect(Date.parse(to!) - Date.parse(from!)).toBe(24 * 3_600_000);
    expect(new Date(from!).getHours()).toBe(0);
    expect(dateRangeQuery('', '')).toEqual({ from: undefined, to: undefined });
  });

});
