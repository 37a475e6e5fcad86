import type { Slot } from '../../../../contracts/availability.js';
import { addDaysToDate, dateKeyIn } from '../../../lib/datetime.js';

export interface DaySlots {
  /** A calendar date in the viewer's zone. */
  date: string;
  slots: Slot[];
}

/** `days` consecutive dates from `start`. */
export function datesFrom(start: string, days = 7): string[] {
  return Array.from({ length: days }, (_, i) => addDaysToDate(start, i));
}

/**
 * The hospital-calendar dates to ask the API for so that every slot falling on the viewer's
 * dates is included: zones differ by less than a day, so one extra day each side is enough.
 */
export function slotFetchRange(dates: readonly string[]): { from: string; to: string } {
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  return { from: addDaysToDate(first, -1), to: addDaysToDate(last, 1) };
}

/**
 * Slots grouped by the date they fall on in `timeZone` (the viewer's), one entry per date in
 * `dates` (empty days included, so a week always shows seven days), slots in time order.
 * Slots outside those dates are left out.
 */
export function groupSlotsByDay(slots: readonly Slot[], dates: readonly string[], timeZone: string): DaySlots[] {
  const byDate = new Map<string, Slot[]>(dates.map((d) => [d, []]));
  for (const slot of slots) byDate.get(dateKeyIn(slot.startsAt, timeZone))?.push(slot);
  return dates.map((date) => ({
    date,
    slots: [...byDate.get(date)!].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0)),
  }));
}

/** Where a slot falls in the hospital's own day, when that differs from the viewer's. */
export function hospitalDayShift(slot: Slot, viewerZone: string, hospitalZone: string): number {
  const viewer = dateKeyIn(slot.startsAt, viewerZone);
  const hospital = dateKeyIn(slot.startsAt, hospitalZone);
  return hospital === viewer ? 0 : hospital > viewer ? 1 : -1;
}

/** Slots that have not started by `now` (one that starts now has passed: it cannot be booked). */
export function upcomingSlots<S extends Pick<Slot, 'startsAt'>>(slots: readonly S[], now: number): S[] {
  return slots.filter((s) => Date.parse(s.startsAt) > now);
}

/**
 * How long until the list must be looked at again: the next slot's start (when it drops out),
 * at most `maxMs`, so a page left open never shows a time that has passed.
 */
export function msUntilNextStart(slots: readonly Pick<Slot, 'startsAt'>[], now: number, maxMs = 60_000): number {
  const next = Math.min(...slots.map((s) => Date.parse(s.startsAt)).filter((t) => t > now));
  return Number.isFinite(next) ? Math.max(0, Math.min(maxMs, next - now + 1)) : maxMs;
}
