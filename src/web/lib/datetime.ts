/** Times arrive as UTC ISO strings; people see them in their own zone, with the zone named. */

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});

const dateOnly = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "Nov 24, 2025, 2:05 PM GMT+5:45" in the viewer's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

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

/** Every IANA zone this browser knows, for time zone pickers; `current` is kept even if unknown. */
export function timeZoneOptions(current?: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = ['Asia/Kathmandu', 'Asia/Kolkata', 'UTC'];
  }
  const all = new Set(zones);
  all.add('UTC');
  if (current) all.add(current);
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

/** "9:30 AM" in `timeZone` (the viewer's by default). */
export function formatTimeIn(iso: string, timeZone = viewerTimeZone()): string {
  return formatter(`time:${timeZone}`, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** "Nov 24, 2025, 9:30 AM GMT+5:45" in `timeZone`, with the zone named. */
export function formatDateTimeIn(iso: string | null | undefined, timeZone = viewerTimeZone()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(`datetime:${timeZone}`, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(date);
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

/** The zone's short name at an instant, e.g. "GMT+5:45" or "EST". */
export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  const parts = formatter(`zone:${timeZone}`, { timeZone, timeZoneName: 'short' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** "Asia/Kathmandu (GMT+5:45)": a zone named so people recognise it. */
export function describeZone(timeZone: string, at: Date = new Date()): string {
  const short = zoneAbbreviation(timeZone, at);
  return short === timeZone ? timeZone : `${timeZone} (${short})`;
}

/** Whether two zones show the same wall-clock time at this instant (then naming one is enough). */
export function sameClock(a: string, b: string, at: Date = new Date()): boolean {
  if (a === b) return true;
  const f = (tz: string) => new Intl.DateTimeFormat('en-GB', { timeZone: tz, dateStyle: 'short', timeStyle: 'short' }).format(at);
  return f(a) === f(b);
}
