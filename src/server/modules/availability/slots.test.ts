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

  it('agrees with Intl everywhere, although it remembers offsets per quarter hour', () => {
    const intl = (at: Date, tz: string) => {
      const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(at).map((x) => [x.type, x.value]));
      return { date: `${p.year}-${p.month}-${p.day}`, minutes: (+p.hour! % 24) * 60 + +p.minute! };
    };
    // Quarter-hour zones, half-hour daylight saving, both hemispheres, and zones that moved around.
    const zones = ['Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/St_Johns', 'America/New_York', 'Europe/London', 'Asia/Gaza', 'America/Santiago', 'Africa/Casablanca'];
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 4000; i++) {
      const at = new Date(Date.UTC(2000, 0, 1) + Math.floor(random() * 100 * 365.25 * 86_400_000 / 60_000) * 60_000);
      const tz = zones[i % zones.length]!;
      expect(utcToZoned(at, tz), `${at.toISOString()} in ${tz}`).toEqual(intl(at, tz));
    }
  });

  it('agrees with Intl minute by minute around every daylight-saving change of 2026-2027', () => {
    const zones = ['Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'America/New_York', 'Europe/London', 'America/Santiago'];
    const fmt = new Map(zones.map((tz) => [tz, new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })]));
    const intl = (ms: number, tz: string) => {
      const p = Object.fromEntries(fmt.get(tz)!.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
      return { date: `${p.year}-${p.month}-${p.day}`, minutes: (+p.hour! % 24) * 60 + +p.minute! };
    };
    const HOUR = 3_600_000;
    let changes = 0;
    for (const tz of zones) {
      const skew = (ms: number) => { const w = intl(ms, tz); return (Date.parse(`${w.date}T00:00:00Z`) + w.minutes * 60_000 - ms) / 60_000; };
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2028, 0, 1); ms += HOUR) {
        if (skew(ms) === skew(ms + HOUR)) continue;
        changes++;
        for (let m = ms - HOUR; m <= ms + 2 * HOUR; m += 60_000) expect(utcToZoned(new Date(m), tz), `${new Date(m).toISOString()} in ${tz}`).toEqual(intl(m, tz));
      }
    }
    expect(changes).toBeGreaterThanOrEqual(20);
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
      busy: [[Date.parse('2026-11-24T04:15:00Z'), Date.parse('2026-11-24T04:45:00Z')]], // 10:00-10:30
    });
    expect(slots.map((s) => utcToZoned(new Date(s.startsAt), 'Asia/Kathmandu').minutes)).toEqual([570, 630]);
    expect(slots[0]).toEqual({ startsAt: '2026-11-24T03:45:00.000Z', endsAt: '2026-11-24T04:15:00.000Z' });
  });

  it('leaves out every slot any held time touches, however the held times lie', () => {
    const utc = (hhmm: string) => Date.parse(`2026-11-24T${hhmm}:00Z`);
    const busy = [
      [utc('10:00'), utc('10:30')],
      [utc('07:00'), utc('07:20')], // before the hours, touching none
      [utc('11:50'), utc('12:10')], // across two slots
      [utc('11:40'), utc('12:40')], // overlapping the one above, ending last
    ] as const;
    const slots = freeSlots({ availability: { ...availability, windows: weekdays('08:00', '14:00') }, timezone: 'UTC', from: '2026-11-24', to: '2026-11-24', now: new Date('2026-11-01T00:00:00Z'), busy });
    const starts = slots.map((s) => s.startsAt.slice(11, 16));
    expect(starts).toEqual(['08:00', '08:30', '09:00', '09:30', '10:30', '11:00', '13:00', '13:30']);
    for (const s of slots) expect(busy.some(([start, end]) => start < Date.parse(s.endsAt) && Date.parse(s.startsAt) < end)).toBe(false);
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
