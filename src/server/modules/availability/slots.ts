import type { Slot } from '../../../contracts/availability.js';
import { addDays, clockToMinutes, dayOfWeek, utcMidnight, utcToZoned, wallToUtc, zonedToUtc } from './zoned-time.js';

type Range = [number, number]; // minutes past local midnight, [start, end)

/** What slot arithmetic needs of a doctor's schedule (stored or submitted). */
export interface Schedule {
  slotMinutes: number;
  windows: { dayOfWeek: number; start: string; end: string }[];
  exceptions: { date: string; kind: 'off' | 'extra'; start?: string | null; end?: string | null }[];
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function subtract(ranges: Range[], cut: Range): Range[] {
  return ranges.flatMap(([s, e]): Range[] => {
    if (cut[1] <= s || cut[0] >= e) return [[s, e]];
    return [...(cut[0] > s ? [[s, cut[0]] as Range] : []), ...(cut[1] < e ? [[cut[1], e] as Range] : [])];
  });
}

/** The hours a doctor works on one local date: weekly windows, less time off, plus extra hours. */
export function workingRanges(a: Omit<Schedule, 'slotMinutes'>, date: string): Range[] {
  const dow = dayOfWeek(date);
  const today = a.exceptions.filter((e) => e.date === date);
  if (today.some((e) => e.kind === 'off' && e.start == null)) return merge(today.filter((e) => e.kind === 'extra').map((e) => [clockToMinutes(e.start!), clockToMinutes(e.end!)]));
  let ranges = merge([
    ...a.windows.filter((w) => w.dayOfWeek === dow).map((w): Range => [clockToMinutes(w.start), clockToMinutes(w.end)]),
    ...today.filter((e) => e.kind === 'extra').map((e): Range => [clockToMinutes(e.start!), clockToMinutes(e.end!)]),
  ]);
  for (const off of today.filter((e) => e.kind === 'off' && e.start != null)) ranges = subtract(ranges, [clockToMinutes(off.start!), clockToMinutes(off.end!)]);
  return ranges;
}

export interface SlotInput {
  availability: Schedule;
  timezone: string;
  from: string;
  to: string;
  now: Date;
  /** Time already held by appointments: [start, end) in epoch milliseconds. */
  busy: readonly (readonly [number, number])[];
}

/**
 * Free slots between two local dates (inclusive): inside the doctor's hours, in the future, and
 * clear of every appointment that holds time. Local wall-clock times that daylight saving skips
 * are not offered; a slot always lasts `slotMinutes` of real time.
 */
export function freeSlots(input: SlotInput): Slot[] {
  const { availability: a, timezone } = input;
  const slotMs = a.slotMinutes * 60_000;
  const now = input.now.getTime();
  const isBusy = overlapsAny(input.busy);
  // Instants as numbers until the end: a month of slots is hundreds per request.
  const found: number[] = [];
  for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
    const midnight = utcMidnight(date);
    for (const [start, end] of workingRanges(a, date)) {
      for (let m = start; m + a.slotMinutes <= end; m += a.slotMinutes) {
        const startsAt = wallToUtc(midnight + m * 60_000, timezone);
        if (startsAt === null || startsAt <= now || isBusy(startsAt, startsAt + slotMs)) continue;
        found.push(startsAt);
      }
    }
  }
  return found.sort((x, y) => x - y).map((t) => ({ startsAt: isoAt(t), endsAt: isoAt(t + slotMs) }));
}

/*
 * Slot times fall on the same few thousand instants (whole minutes of the coming weeks) for every
 * patient who looks, and formatting one took a fifth of a slot list's CPU: remember them.
 */
const isoStrings = new Map<number, string>();
function isoAt(ms: number): string {
  let iso = isoStrings.get(ms);
  if (iso === undefined) {
    if (isoStrings.size >= 50_000) isoStrings.clear();
    isoStrings.set(ms, (iso = new Date(ms).toISOString()));
  }
  return iso;
}

/**
 * Whether [start, end) overlaps any of the intervals, in O(log n): a month of slots against a
 * month of appointments is thousands of questions per request.
 */
function overlapsAny(intervals: SlotInput['busy']) {
  // By end; and from each position on, the earliest start. The intervals ending after `start`
  // are a suffix; one of them overlaps exactly when the earliest of their starts is before `end`.
  const byEnd = [...intervals].sort((x, y) => x[1] - y[1]);
  const earliestFrom = byEnd.map(([s]) => s);
  for (let i = earliestFrom.length - 2; i >= 0; i--) earliestFrom[i] = Math.min(earliestFrom[i]!, earliestFrom[i + 1]!);
  return (start: number, end: number) => {
    let lo = 0;
    let hi = byEnd.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byEnd[mid]![1] > start) hi = mid;
      else lo = mid + 1;
    }
    return lo < byEnd.length && earliestFrom[lo]! < end;
  };
}

/** Why `startsAt` is not a slot the doctor offers, or null when it is one. */
export function slotProblem(a: Schedule, timezone: string, startsAt: Date): 'slot_misaligned' | 'outside_availability' | null {
  const { date, minutes } = utcToZoned(startsAt, timezone);
  const range = workingRanges(a, date).find(([s, e]) => minutes >= s && minutes < e);
  if (!range) return 'outside_availability';
  if ((minutes - range[0]) % a.slotMinutes !== 0 || startsAt.getUTCSeconds() !== 0 || startsAt.getUTCMilliseconds() !== 0) return 'slot_misaligned';
  if (minutes + a.slotMinutes > range[1]) return 'outside_availability';
  return zonedToUtc(date, minutes, timezone)?.getTime() === startsAt.getTime() ? null : 'outside_availability';
}
