import { describe, expect, it } from 'vitest';
import { freeSlots, slotProblem, workingRanges } from './slots.js';
import { utcToZoned, zonedToUtc } from './zoned-time.js';

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, start, end }));

describe('zoned time', () => {
  it('converts wall-clock time in a zone to UTC and back', () => {
    expect(zonedToUtc('2026-11-24', 9 * 60, 'Asia/Kathmandu')!.toISOString()).toBe('2026-11-24T03:15:00.000Z');
    expect(utcToZoned(new Date('2026-11-24T03:15:00Z'), 'Asia/Kathmandu')).toEqual({ date: '2026-11-24', minutes: 540 });
  });

  it('follows daylight saving: 09:00 in New York is 14:00 UTC in winter and 13:00 UTC in summer', () => {
    expect(zonedToUtc('2027-03-12', 540, 'America/New_York')!.toISOString()).toBe('2027-03-12T14:00:00.000Z');
    expect(zonedToUtc('2027-03-15', 540, 'America/New_York')!.toISOString()).toBe('2027-03-15T13:00:00.000Z');
  });

  it('has no instant for a wall-clock time the spring change skips', () => {
    expect(zonedToUtc('2027-03-14', 2 * 60 + 30, 'America/New_York')).toBeNull();
    expect(zonedToUtc('2027-03-14', 3 * 60, 'America/New_York')!.toISOString()).toBe('2027-03-14T07:00:00.000Z');
  });
});

describe('working ranges', () => {
  const a = {
    windows: [{ dayOfWeek: 1, start: '09:00', end: '12:00' }, { dayOfWeek: 1, start: '14:00', end: '17:00' }],
    exceptions: [
      { date: '2026-11-30', kind: 'off' as const, start: '10:00', end: '11:00' },
      { date: '2026-12-07', kind: 'off' as const },
      { date: '2026-12-05', kind: 'extra' as const, start: '08:00', end: '10:00' },
    ],
  };
  it('applies weekly windows, hours off, days off and extra hours', () => {
    expect(workingRanges(a, '2026-11-23')).toEqual([[540, 720], [840, 1020]]);
    expect(workingRanges(a, '2026-11-30')).toEqual([[540, 600], [660, 720], [840, 1020]]);
    expect(workingRanges(a, '2026-12-07')).toEqual([]);
    expect(workingRanges(a, '2026-12-05')).toEqual([[480, 600]]);
    expect(workingRanges(a, '2026-11-24')).toEqual([]);
  });
});

describe('free slots', () => {
  const availability = { slotMinutes: 30, windows: weekdays('09:00', '11:00'), exceptions: [] };

  it('offers slots inside the hours, in the future, clear of held time', () => {
    const slots = freeSlots({
      availability,
      timezone: 'Asia/Kathmandu',
      from: '2026-11-24',
      to: '2026-11-24',
      now: new Date('2026-11-24T03:20:00Z'), // 09:05 local: the 09:00 slot has passed
      busy: [{ startsAt: new Date('2026-11-24T04:15:00Z'), endsAt: new Date('2026-11-24T04:45:00Z') }], // 10:00-10:30
    });
    expect(slots.map((s) => utcToZoned(new Date(s.startsAt), 'Asia/Kathmandu').minutes)).toEqual([570, 630]);
    expect(slots[0]).toEqual({ startsAt: '2026-11-24T03:45:00.000Z', endsAt: '2026-11-24T04:15:00.000Z' });
  });

  it('keeps 09:00 local across a daylight saving change', () => {
    const slots = freeSlots({ availability: { ...availability, windows: weekdays('09:00', '09:30') }, timezone: 'America/New_York', from: '2027-03-12', to: '2027-03-15', now: new Date('2027-01-01T00:00:00Z'), busy: [] });
    expect(slots.map((s) => s.startsAt)).toEqual(['2027-03-12T14:00:00.000Z', '2027-03-15T13:00:00.000Z']);
  });

  it('explains why a start is not offered', () => {
    const at = (iso: string) => slotProblem(availability, 'Asia/Kathmandu', new Date(iso));
    expect(at('2026-11-24T03:15:00Z')).toBeNull(); // 09:00
    expect(at('2026-11-24T03:25:00Z')).toBe('slot_misaligned'); // 09:10
    expect(at('2026-11-24T05:15:00Z')).toBe('outside_availability'); // 11:00
    expect(at('2026-11-22T03:15:00Z')).toBe('outside_availability'); // a Sunday
  });
});
