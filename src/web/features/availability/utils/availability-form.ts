import {
  Availability,
  availabilityOverlaps,
  type AvailabilityInput,
  type AvailabilityView,
} from '../../../../contracts/availability.js';

export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export interface WindowRow {
  key: string;
  dayOfWeek: number;
  start: string;
  end: string;
}

/** A day off (no hours), hours off on a working day, or extra hours. */
export type ExceptionKind = 'day-off' | 'hours-off' | 'extra';

export interface ExceptionRow {
  key: string;
  date: string;
  kind: ExceptionKind;
  start: string;
  end: string;
  note: string;
}

export interface AvailabilityForm {
  slotMinutes: string;
  windows: WindowRow[];
  exceptions: ExceptionRow[];
}

/**
 * Error messages by place: `slotMinutes`, `windows.<key>.<field>`, `exceptions.<key>.<field>`,
 * `day.<0-6>` (overlapping windows on a weekday), and `windows` / `exceptions` for the section.
 */
export type AvailabilityErrors = Record<string, string>;

let counter = 0;
export const newKey = () => `r${++counter}`;

export function toForm(view: Pick<AvailabilityView, 'slotMinutes' | 'windows' | 'exceptions'>): AvailabilityForm {
  return {
    slotMinutes: String(view.slotMinutes),
    windows: view.windows.map((w) => ({ key: newKey(), dayOfWeek: w.dayOfWeek, start: w.start, end: w.end })),
    exceptions: view.exceptions.map((e) => ({
      key: newKey(),
      date: e.date,
      kind: e.kind === 'extra' ? 'extra' : e.start == null ? 'day-off' : 'hours-off',
      start: e.start ?? '',
      end: e.end ?? '',
      note: e.note ?? '',
    })),
  };
}

/** The PUT body, and which row each array index came from (to put server errors back on rows). */
export function toBody(form: AvailabilityForm): { body: AvailabilityInput; windowKeys: string[]; exceptionKeys: string[] } {
  const windows = [...form.windows].sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.start.localeCompare(b.start));
  const hours = (kind: ExceptionKind, t: string) => (kind === 'day-off' ? null : t || null);
  return {
    body: {
      slotMinutes: Number(form.slotMinutes),
      windows: windows.map((w) => ({ dayOfWeek: w.dayOfWeek, start: w.start, end: w.end })),
      exceptions: form.exceptions.map((e) => ({
        date: e.date,
        kind: e.kind === 'extra' ? 'extra' : 'off',
        start: hours(e.kind, e.start),
        end: hours(e.kind, e.end),
        note: e.note.trim() || undefined,
      })),
    },
    windowKeys: windows.map((w) => w.key),
    exceptionKeys: form.exceptions.map((e) => e.key),
  };
}

/** "windows/2/end", "body.windows.2.end" or "windows.2.end" → the form's place for it. */
export function placeOf(path: string, windowKeys: readonly string[], exceptionKeys: readonly string[]): string {
  const parts = path.replace(/^\/+/, '').replace(/^body[./]/, '').split(/[./]/).filter(Boolean);
  const [list, index, field] = parts;
  if (list === 'windows' || list === 'exceptions') {
    const key = (list === 'windows' ? windowKeys : exceptionKeys)[Number(index)];
    if (index === undefined || key === undefined) return list;
    return `${list}.${key}.${field ?? 'start'}`;
  }
  return list ?? '_form';
}

/**
 * Everything the browser can check before saving: the contract's schema (times, order, kinds)
 * and its overlap rule, each problem placed on the row or weekday it concerns.
 */
export function validateAvailability(form: AvailabilityForm): AvailabilityErrors {
  const errors: AvailabilityErrors = {};
  const add = (place: string, message: string) => {
    errors[place] ??= message;
  };
  for (const w of form.windows) {
    if (!w.start) add(`windows.${w.key}.start`, 'Enter a start time');
    if (!w.end) add(`windows.${w.key}.end`, 'Enter an end time');
  }
  for (const e of form.exceptions) {
    if (!e.date) add(`exceptions.${e.key}.date`, 'Enter a date');
    if (e.kind !== 'day-off') {
      if (!e.start) add(`exceptions.${e.key}.start`, 'Enter a start time');
      if (!e.end) add(`exceptions.${e.key}.end`, 'Enter an end time');
    }
  }
  if (!/^\d+$/.test(form.slotMinutes.trim())) add('slotMinutes', 'Choose a visit length');

  const { body, windowKeys, exceptionKeys } = toBody(form);
  const parsed = Availability.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(placeOf(issue.path.join('.'), windowKeys, exceptionKeys), issue.message);
  }
  if (Object.keys(errors).length > 0) return errors;

  // Overlaps, checked with the contract's own rule one weekday and one date at a time.
  for (let day = 0; day < 7; day++) {
    const windows = body.windows.filter((w) => w.dayOfWeek === day);
    if (availabilityOverlaps({ windows, exceptions: [] }).length > 0) add(`day.${day}`, `Hours overlap on ${DAY_NAMES[day]}: change or remove one`);
  }
  const exceptions = body.exceptions ?? [];
  for (const date of new Set(exceptions.map((e) => e.date))) {
    const same = exceptions.filter((e) => e.date === date);
    if (availabilityOverlaps({ windows: [], exceptions: same as never }).length > 0) {
      exceptions.forEach((e, i) => {
        if (e.date === date && e.start != null) add(`exceptions.${exceptionKeys[i]}.start`, `Overlaps other hours on ${date}`);
      });
    }
  }
  return errors;
}

/** Problems the server listed (`errors[]`), placed on the form. */
export function serverErrors(
  errors: readonly { path: string; message: string }[],
  windowKeys: readonly string[],
  exceptionKeys: readonly string[],
): AvailabilityErrors {
  const out: AvailabilityErrors = {};
  for (const e of errors) {
    const place = placeOf(e.path, windowKeys, exceptionKeys);
    out[place] ??= e.message;
  }
  return out;
}

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const toClock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const LAST_MINUTE = 23 * 60 + 55;

/**
 * The times a new window on a weekday starts with: 09:00–13:00 on an empty day; otherwise from
 * where the last window ends, for an hour (less when the day ends first), so it is valid as it is.
 */
export function nextWindow(rows: readonly Pick<WindowRow, 'start' | 'end'>[]): { start: string; end: string } {
  const ends = rows.map((r) => r.end).filter((t) => /^\d\d:\d\d$/.test(t));
  if (rows.length === 0 || ends.length === 0) return rows.length === 0 ? { start: '09:00', end: '13:00' } : { start: '', end: '' };
  const start = Math.max(...ends.map(toMinutes));
  if (start >= LAST_MINUTE) return { start: '', end: '' };
  return { start: toClock(start), end: toClock(Math.min(start + 60, LAST_MINUTE)) };
}

/** The form with `to` days' windows replaced by copies of `from`'s (other days untouched). */
export function copyDayHours(form: AvailabilityForm, from: number, to: readonly number[]): AvailabilityForm {
  const source = form.windows.filter((w) => w.dayOfWeek === from);
  const targets = new Set(to.filter((d) => d !== from));
  const kept = form.windows.filter((w) => !targets.has(w.dayOfWeek));
  const copies = [...targets].flatMap((dayOfWeek) => source.map((w) => ({ key: newKey(), dayOfWeek, start: w.start, end: w.end })));
  return { ...form, windows: [...kept, ...copies] };
}
