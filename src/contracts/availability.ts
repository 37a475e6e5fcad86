import { z } from 'zod';
import { IsoDateTime, text } from './common.js';

/** A wall-clock time in the hospital's zone, "HH:MM" (24 h). */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, e.g. 09:00');
/** A calendar date in a range a schedule can mean (PostgreSQL would take year 0 and refuse it). */
export const IsoDate = z.iso
  .date({ message: 'Use YYYY-MM-DD' })
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Choose a date between 2000 and 2100');

export const AvailabilityWindow = z
  .object({ dayOfWeek: z.number().int().min(0).max(6), start: ClockTime, end: ClockTime })
  .refine((w) => w.start < w.end, { message: 'The window must end after it starts', path: ['end'] });
export type AvailabilityWindow = z.infer<typeof AvailabilityWindow>;

/** A dated change: a day off (no times), hours off, or extra hours. */
export const AvailabilityException = z
  .object({
    date: IsoDate,
    kind: z.enum(['off', 'extra']),
    start: ClockTime.nullable().optional(),
    end: ClockTime.nullable().optional(),
    note: text().trim().max(200).optional(),
  })
  .refine((e) => (e.start == null) === (e.end == null), { message: 'Give both start and end, or neither', path: ['end'] })
  .refine((e) => e.kind === 'off' || e.start != null, { message: 'Extra hours need a start and an end', path: ['start'] })
  .refine((e) => e.start == null || e.start < e.end!, { message: 'The hours must end after they start', path: ['end'] });
export type AvailabilityException = z.infer<typeof AvailabilityException>;

function overlapping<T extends { start?: string | null; end?: string | null }>(items: T[]): boolean {
  const sorted = [...items].sort((a, b) => (a.start! < b.start! ? -1 : 1));
  return sorted.some((w, i) => i > 0 && w.start! < sorted[i - 1]!.end!);
}

export const Availability = z.object({
  slotMinutes: z.number().int().min(5).max(240).default(30),
  windows: z.array(AvailabilityWindow).max(50),
  exceptions: z.array(AvailabilityException).max(200).default([]),
});

/** Overlapping windows on one weekday, or overlapping timed exceptions on one date (the UI checks too). */
export function availabilityOverlaps(a: Pick<Availability, 'windows' | 'exceptions'>): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  for (let day = 0; day < 7; day++)
    if (overlapping(a.windows.filter((w) => w.dayOfWeek === day))) found.push({ path: 'windows', message: `Windows overlap on ${days[day]}` });
  const byDate = new Map<string, AvailabilityException[]>();
  for (const e of a.exceptions) if (e.start != null) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
  for (const [date, list] of byDate) if (overlapping(list)) found.push({ path: 'exceptions', message: `Exceptions overlap on ${date}` });
  return found;
}
export type Availability = z.infer<typeof Availability>;
export type AvailabilityInput = z.input<typeof Availability>;

export const AvailabilityView = z.object({
  slotMinutes: z.number().int(),
  windows: z.array(z.object({ dayOfWeek: z.number().int(), start: z.string(), end: z.string() })),
  exceptions: z.array(
    z.object({ date: z.string(), kind: z.enum(['off', 'extra']), start: z.string().nullable(), end: z.string().nullable(), note: z.string().nullable() }),
  ),
  timezone: z.string(),
});
export type AvailabilityView = z.infer<typeof AvailabilityView>;

export const SlotsQuery = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((q) => q.from <= q.to, { message: '`to` must not be before `from`', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 62, { message: 'Ask for at most 62 days at once', path: ['to'] });

export const Slot = z.object({ startsAt: IsoDateTime, endsAt: IsoDateTime });
export type Slot = z.infer<typeof Slot>;
export const SlotList = z.object({ timezone: z.string(), slotMinutes: z.number().int(), items: z.array(Slot) });
export type SlotList = z.infer<typeof SlotList>;
