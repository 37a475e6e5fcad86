import { canonicalTimeZones, currentZoneName } from '../../contracts/time-zones.js';

/**
 * Times arrive as UTC ISO strings; people see them in their own zone, with the zone named.
 * One spelling and one format everywhere: zones by their current IANA name (never ICU's legacy
 * "Asia/Katmandu"), shown as a readable name ("Nepal Time"), with the IANA name beside it where
 * the zone itself is the subject ("Nepal Time (Asia/Kathmandu)").
 */

/** The viewer's zone by its current IANA name. */
export function viewerTimeZone(): string {
  return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

const zoneNames = new Map<string, string>();
/**
 * A zone's readable name: "Nepal Time", "Eastern Time", "Coordinated Universal Time"; the IANA
 * name when Intl has nothing better than an offset.
 */
export function zoneName(timeZone: string): string {
  const zone = currentZoneName(timeZone);
  let name = zoneNames.get(zone);
  if (name === undefined) {
    const read = (style: 'longGeneric' | 'long') => {
      try {
        return new Intl.DateTimeFormat(undefined, { timeZone: zone, timeZoneName: style })
          .formatToParts(new Date(Date.UTC(2025, 0, 15)))
          .find((p) => p.type === 'timeZoneName')?.value;
      } catch {
        return undefined;
      }
    };
    const readable = (n: string | undefined) => (n && !/^(GMT|UTC)([+-−]|$)/.test(n) ? n : undefined);
    name = readable(read('longGeneric')) ?? readable(read('long')) ?? zone;
    zoneNames.set(zone, name);
  }
  return name;
}

/** "Nepal Time (Asia/Kathmandu)": a zone named so people recognise it and can look it up. */
export function describeZone(timeZone: string): string {
  const zone = currentZoneName(timeZone);
  const name = zoneName(zone);
  return name === zone ? zone : `${name} (${zone})`;
}

/** "Mon, Nov 24, 2025, 9:30 AM Nepal Time" in the viewer's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return formatDateTimeIn(iso);
}

const dateOnly = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** A calendar date ("1990-04-02") as "April 2, 1990", without any zone shifting it a day. */
export function formatCalendarDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateOnly.format(date);
}

/** Today as YYYY-MM-DD in the viewer's zone (for date inputs' max). */
export function todayIsoDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Every zone, once each by its current name, for time zone pickers; `current` is kept even if unknown. */
export function timeZoneOptions(current?: string): string[] {
  const all = new Set(canonicalTimeZones());
  if (current) all.add(currentZoneName(current));
  return [...all].sort((a, b) => a.localeCompare(b));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, options);
    formatters.set(key, f);
  }
  return f;
}

/** The calendar date ("2025-11-24") an instant falls on in `timeZone`. */
export function dateKeyIn(at: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    typeof at === 'string' ? new Date(at) : at,
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Calendar arithmetic on "YYYY-MM-DD" dates (no zone can shift it). */
export function addDaysToDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A date range picked in the viewer's calendar ("from" and "to" both inclusive) as the API's
 * instants: from the start of `from` to the start of the day after `to`, in the viewer's zone.
 */
export function dateRangeQuery(from: string, to: string): { from?: string; to?: string } {
  const startOf = (date: string) => new Date(`${date}T00:00:00`).toISOString();
  return {
    from: from ? startOf(from) : undefined,
    to: to ? startOf(addDaysToDate(to, 1)) : undefined,
  };
}

/** "9:30 AM" in `timeZone` (the viewer's by default). */
export function formatTimeIn(iso: string, timeZone = viewerTimeZone()): string {
  return formatter(`time:${timeZone}`, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** "Mon, Nov 24, 2025, 9:30 AM Nepal Time" in `timeZone` (the viewer's by default), with the zone named. */
export function formatDateTimeIn(iso: string | null | undefined, timeZone = viewerTimeZone()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = currentZoneName(timeZone);
  const text = formatter(`datetime:${zone}`, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
  }).format(date);
  return `${text} ${zoneName(zone)}`;
}

/** A calendar date as "Monday, November 24" (`long`) or "Mon, Nov 24" (`short`). */
export function formatDayLabel(date: string, style: 'long' | 'short' = 'long'): string {
  return formatter(`day:${style}`, {
    weekday: style,
    month: style,
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** Whether two zones show the same wall-clock time at this instant (then naming one is enough). */
export function sameClock(a: string, b: string, at: Date = new Date()): boolean {
  if (a === b) return true;
  const f = (tz: string) => new Intl.DateTimeFormat('en-GB', { timeZone: tz, dateStyle: 'short', timeStyle: 'short' }).format(at);
  return f(a) === f(b);
}
