import { describe, expect, it } from 'vitest';
import { datesFrom, groupSlotsByDay, hospitalDayShift, msUntilNextStart, slotFetchRange, upcomingSlots } from './slot-days.js';

const slot = (startsAt: string, minutes = 30) => ({
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
});

describe('grouping free slots by the viewer’s local day', () => {
  it('lists seven consecutive dates across a month end', () => {
    expect(datesFrom('2025-11-27')).toEqual([
      '2025-11-27',
      '2025-11-28',
      '2025-11-29',
      '2025-11-30',
      '2025-12-01',
      '2025-12-02',
      '2025-12-03',
    ]);
  });

  it('asks the API for one day more on each side of the week', () => {
    expect(slotFetchRange(datesFrom('2025-12-30'))).toEqual({ from: '2025-12-29', to: '2026-01-06' });
  });

  it('puts a slot on the day it falls on in the viewer’s zone, not in UTC', () => {
    // 18:30 UTC on the 24th is 00:15 on the 25th in Kathmandu (UTC+5:45).
    const late = slot('2025-11-24T18:30:00.000Z');
    const evening = slot('2025-11-24T14:00:00.000Z'); // 19:45 in Kathmandu, 09:00 in New York
    const days = groupSlotsByDay([late, evening], datesFrom('2025-11-24', 2), 'Asia/Kathmandu');
    expect(days).toEqual([
      { date: '2025-11-24', slots: [evening] },
      { date: '2025-11-25', slots: [late] },
    ]);
    // The same instants seen from New York (UTC-5) are both on the 24th, earlier first.
    const ny = groupSlotsByDay([late, evening], datesFrom('2025-11-24', 2), 'America/New_York');
    expect(ny).toEqual([
      { date: '2025-11-24', slots: [evening, late] },
      { date: '2025-11-25', slots: [] },
    ]);
  });

  it('keeps empty days and drops slots outside the dates shown', () => {
    const outside = slot('2025-11-20T04:00:00.000Z');
    const inside = slot('2025-11-22T04:00:00.000Z');
    const days = groupSlotsByDay([outside, inside], datesFrom('2025-11-21', 3), 'UTC');
    expect(days.map((d) => d.slots.length)).toEqual([0, 1, 0]);
  });

  it('follows daylight saving: the same wall-clock hour is a different UTC hour', () => {
    // 09:00 in New York is 13:00 UTC in summer and 14:00 UTC in winter.
    const summer = slot('2025-11-01T13:00:00.000Z');
    const winter = slot('2025-11-03T14:00:00.000Z');
    const days = groupSlotsByDay([summer, winter], datesFrom('2025-11-01', 3), 'America/New_York');
    expect(days.map((d) => d.slots)).toEqual([[summer], [], [winter]]);
  });

  it('says when the hospital’s day differs from the viewer’s', () => {
    const s = slot('2025-11-24T20:00:00.000Z'); // 01:45 on the 25th in Kathmandu, 15:00 on the 24th in New York
    expect(hospitalDayShift(s, 'America/New_York', 'Asia/Kathmandu')).toBe(1);
    expect(hospitalDayShift(s, 'Asia/Kathmandu', 'America/New_York')).toBe(-1);
    expect(hospitalDayShift(s, 'Asia/Kathmandu', 'Asia/Kathmandu')).toBe(0);
  });
});

describe('dropping slots whose time has come', () => {
  const now = Date.parse('2025-11-24T04:00:00.000Z');
  const at = (minutes: number) => slot(new Date(now + minutes * 60_000).toISOString());

  it('keeps only slots that start after now', () => {
    const slots = [at(-30), at(0), at(1), at(90)];
    expect(upcomingSlots(slots, now)).toEqual([at(1), at(90)]);
    expect(upcomingSlots([], now)).toEqual([]);
  });

  it('looks again when the next slot starts, and at least every minute', () => {
    expect(msUntilNextStart([at(-10), at(0.5), at(90)], now)).toBe(30_001);
    expect(msUntilNextStart([at(90)], now)).toBe(60_000);
    expect(msUntilNextStart([], now)).toBe(60_000);
    // Weeks ahead is still within what a timer can wait.
    expect(msUntilNextStart([at(60 * 24 * 40)], now)).toBe(60_000);
  });
});
