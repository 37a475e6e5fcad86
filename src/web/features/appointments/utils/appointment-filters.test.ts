import { describe, expect, it } from 'vitest';
import { dateRangeQuery, parseStatusFilter, tabQuery, viewerOf } from './appointment-filters.js';

describe('appointment list filters', () => {
  it('splits upcoming (in play, soonest first) from past (finished, latest first)', () => {
    expect(tabQuery('upcoming')).toEqual({ status: 'requested,pending,scheduled,confirmed,in_progress', order: 'asc' });
    expect(tabQuery('past')).toEqual({ status: 'completed,rejected,cancelled', order: 'desc' });
  });

  it('keeps only real statuses from the URL', () => {
    expect(parseStatusFilter('requested,bogus,scheduled')).toBe('requested,scheduled');
    expect(parseStatusFilter(null)).toBe('');
    expect(parseStatusFilter('nothing')).toBe('');
  });

  it('turns an inclusive date range into instants covering whole local days', () => {
    const { from, to } = dateRangeQuery('2025-11-24', '2025-11-24');
    expect(Date.parse(to!) - Date.parse(from!)).toBe(24 * 3_600_000);
    expect(new Date(from!).getHours()).toBe(0);
    expect(dateRangeQuery('', '')).toEqual({ from: undefined, to: undefined });
  });

  it('knows which side the viewer is on', () => {
    const a = { patient: { id: 'p', firstName: '', lastName: '' }, doctor: { id: 'd', firstName: '', lastName: '', specialization: '' } };
    expect(viewerOf({ id: 'p' }, a)).toBe('patient');
    expect(viewerOf({ id: 'd' }, a)).toBe('doctor');
    expect(viewerOf({ id: 'x' }, a)).toBe('staff');
  });
});
