// Wall-clock time in an IANA zone <-> UTC instants, with the runtime's own tz database (Intl).

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

function wallClock(ms: number, tz: string) {
  const p = Object.fromEntries(formatter(tz).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: +p.year!, m: +p.month!, d: +p.day!, h: +p.hour! % 24, min: +p.minute!, s: +p.second! };
}

/** How far `tz` is ahead of UTC at the instant `ms`, in ms. */
function offsetAt(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(ms / 1000) * 1000;
}

const parseDate = (date: string) => date.split('-').map(Number) as [number, number, number];

/**
 * The instant at which the clocks in `tz` show `date` plus `minutes` past midnight, or null when
 * that wall-clock time does not exist there (the hour skipped when daylight saving starts).
 */
export function zonedToUtc(date: string, minutes: number, tz: string): Date | null {
  const [y, m, d] = parseDate(date);
  const wall = Date.UTC(y, m - 1, d) + minutes * 60_000;
  let t = wall - offsetAt(wall, tz);
  const second = offsetAt(t, tz);
  if (wall - second !== t) t = wall - second;
  return t + offsetAt(t, tz) === wall ? new Date(t) : null;
}

/** The calendar date ("YYYY-MM-DD") and minutes past midnight of an instant, as seen in `tz`. */
export function utcToZoned(at: Date, tz: string): { date: string; minutes: number } {
  const w = wallClock(at.getTime(), tz);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${w.y}-${pad(w.m)}-${pad(w.d)}`, minutes: w.h * 60 + w.min };
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
