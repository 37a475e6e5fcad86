// Wall-clock time in an IANA zone <-> UTC instants, with the runtime's own tz database (Intl).
// Why not a library: decision 13.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** How far `tz` is ahead of UTC at the instant `ms`, in ms, asking Intl (tens of microseconds). */
function offsetFromIntl(ms: number, tz: string): number {
  const p = Object.fromEntries(formatter(tz).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour! % 24, +p.minute!, +p.second!) - Math.floor(ms / 1000) * 1000;
}

/*
 * Offsets are multiples of 15 minutes and change only at instants that are too (a change at
 * 02:00 local, minus such an offset), so one answer holds for a whole quarter hour of UTC. Slot
 * lists ask about the same few quarter hours thousands of times: remember them.
 */
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();
const MAX_REMEMBERED = 100_000;
let remembered = 0;

function offsetAt(ms: number, tz: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let zone = offsets.get(tz);
  if (!zone) offsets.set(tz, (zone = new Map()));
  let offset = zone.get(bucket);
  if (offset === undefined) {
    offset = offsetFromIntl(bucket * QUARTER_HOUR, tz);
    if (++remembered > MAX_REMEMBERED) {
      offsets.clear();
      remembered = 0;
      offsets.set(tz, (zone = new Map()));
    }
    zone.set(bucket, offset);
  }
  return offset;
}

const parseDate = (date: string) => date.split('-').map(Number) as [number, number, number];

/**
 * The instant at which the clocks in `tz` show `date` plus `minutes` past midnight, or null when
 * that wall-clock time does not exist there (the hour skipped when daylight saving starts).
 */
export function zonedToUtc(date: string, minutes: number, tz: string): Date | null {
  const t = wallToUtc(utcMidnight(date) + minutes * 60_000, tz);
  return t === null ? null : new Date(t);
}

/** `zonedToUtc` in milliseconds, from a wall-clock time written as if it were UTC (`utcMidnight` plus minutes). */
export function wallToUtc(wall: number, tz: string): number | null {
  let t = wall - offsetAt(wall, tz);
  const second = offsetAt(t, tz);
  if (wall - second !== t) t = wall - second;
  return t + offsetAt(t, tz) === wall ? t : null;
}

/** Midnight of a calendar date ("YYYY-MM-DD") as a UTC instant, in milliseconds. */
export function utcMidnight(date: string): number {
  const [y, m, d] = parseDate(date);
  return Date.UTC(y, m - 1, d);
}

/** The calendar date ("YYYY-MM-DD") and minutes past midnight of an instant, as seen in `tz`. */
export function utcToZoned(at: Date, tz: string): { date: string; minutes: number } {
  const local = new Date(at.getTime() + offsetAt(at.getTime(), tz));
  return { date: local.toISOString().slice(0, 10), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** 0 = Sunday, like JavaScript and our availability windows. */
export const dayOfWeek = (date: string) => {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const clockToMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
export const minutesToClock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A stored `time` ("09:30:00") as the schedule shows it ("09:30"). */
export const hhmm = (t: string | null) => (t === null ? null : t.slice(0, 5));
