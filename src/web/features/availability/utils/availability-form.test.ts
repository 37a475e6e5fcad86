import { describe, expect, it } from 'vitest';
import { copyDayHours, nextWindow, placeOf, serverErrors, toBody, toForm, validateAvailability, type AvailabilityForm } from './availability-form.js';

const view = {
  slotMinutes: 30,
  windows: [
    { dayOfWeek: 1, start: '09:00', end: '12:00' },
    { dayOfWeek: 1, start: '14:00', end: '17:00' },
  ],
  exceptions: [
    { date: '2030-01-06', kind: 'off' as const, start: null, end: null, note: 'Holiday' },
    { date: '2030-01-07', kind: 'off' as const, start: '10:00', end: '11:00', note: null },
    { date: '2030-01-08', kind: 'extra' as const, start: '18:00', end: '20:00', note: null },
  ],
};

describe('the availability editor’s form', () => {
  it('reads exceptions as day off, hours off and extra hours, and writes them back', () => {
    const form = toForm(view);
    expect(form.exceptions.map((e) => e.kind)).toEqual(['day-off', 'hours-off', 'extra']);
    const { body } = toBody(form);
    expect(body).toEqual({
      slotMinutes: 30,
      windows: view.windows,
      exceptions: [
        { date: '2030-01-06', kind: 'off', start: null, end: null, note: 'Holiday' },
        { date: '2030-01-07', kind: 'off', start: '10:00', end: '11:00', note: undefined },
        { date: '2030-01-08', kind: 'extra', start: '18:00', end: '20:00', note: undefined },
      ],
    });
    expect(validateAvailability(form)).toEqual({});
  });

  it('a day off sends no hours even if some were typed before switching', () => {
    const form = toForm(view);
    form.exceptions[1]!.kind = 'day-off';
    expect(toBody(form).body.exceptions![1]).toMatchObject({ kind: 'off', start: null, end: null });
  });

  it('puts overlapping windows on their weekday, with the contract’s rule', () => {
    const form: AvailabilityForm = toForm({ ...view, windows: [...view.windows, { dayOfWeek: 1, start: '11:00', end: '13:00' }] });
    expect(validateAvailability(form)).toEqual({ 'day.1': 'Hours overlap on Monday: change or remove one' });
    // Back-to-back hours do not overlap.
    const touching = toForm({ ...view, windows: [...view.windows, { dayOfWeek: 1, start: '12:00', end: '14:00' }] });
    expect(validateAvailability(touching)).toEqual({});
  });

  it('puts a window that ends before it starts on that row’s end', () => {
    const form = toForm({ ...view, windows: [{ dayOfWeek: 3, start: '17:00', end: '09:00' }] });
    const key = form.windows[0]!.key;
    expect(validateAvailability(form)).toEqual({ [`windows.${key}.end`]: 'The window must end after it starts' });
  });

  it('asks for the missing times and date', () => {
    const form = toForm({ slotMinutes: 30, windows: [], exceptions: [] });
    form.exceptions.push({ key: 'x', date: '', kind: 'extra', start: '', end: '', note: '' });
    form.windows.push({ key: 'w', dayOfWeek: 2, start: '', end: '10:00' });
    expect(validateAvailability(form)).toMatchObject({
      'exceptions.x.date': 'Enter a date',
      'exceptions.x.start': 'Enter a start time',
      'exceptions.x.end': 'Enter an end time',
      'windows.w.start': 'Enter a start time',
    });
  });

  it('flags overlapping hours on one date', () => {
    const form = toForm({
      ...view,
      exceptions: [
        { date: '2030-01-08', kind: 'extra', start: '18:00', end: '20:00', note: null },
        { date: '2030-01-08', kind: 'off', start: '19:00', end: '21:00', note: null },
      ],
    });
    const errors = validateAvailability(form);
    expect(Object.keys(errors)).toEqual(form.exceptions.map((e) => `exceptions.${e.key}.start`));
  });

  it('maps the server’s paths back to the rows they came from, whatever their order on screen', () => {
    const form = toForm({ ...view, windows: [{ dayOfWeek: 5, start: '09:00', end: '10:00' }, { dayOfWeek: 0, start: '08:00', end: '09:00' }] });
    const { windowKeys, exceptionKeys } = toBody(form);
    // Sorted by weekday for the body: Sunday's row (shown second) is index 0.
    expect(windowKeys).toEqual([form.windows[1]!.key, form.windows[0]!.key]);
    expect(placeOf('body/windows/0/end', windowKeys, exceptionKeys)).toBe(`windows.${form.windows[1]!.key}.end`);
    expect(placeOf('exceptions', windowKeys, exceptionKeys)).toBe('exceptions');
    expect(serverErrors([{ path: 'slotMinutes', message: 'Too long' }, { path: 'windows', message: 'Windows overlap on Friday' }], windowKeys, exceptionKeys)).toEqual({
      slotMinutes: 'Too long',
      windows: 'Windows overlap on Friday',
    });
  });
});

describe('adding and copying hours', () => {
  const row = (dayOfWeek: number, start: string, end: string) => ({ key: `${dayOfWeek}-${start}`, dayOfWeek, start, end });

  it('starts a new window valid as it is: after the last one, for an hour', () => {
    expect(nextWindow([])).toEqual({ start: '09:00', end: '13:00' });
    expect(nextWindow([row(1, '09:00', '13:00')])).toEqual({ start: '13:00', end: '14:00' });
    expect(nextWindow([row(1, '14:00', '17:00'), row(1, '09:00', '12:00')])).toEqual({ start: '17:00', end: '18:00' });
    expect(nextWindow([row(1, '20:00', '23:30')])).toEqual({ start: '23:30', end: '23:55' });
    // No room left in the day, or nothing to follow: the person types the times.
    expect(nextWindow([row(1, '09:00', '23:55')])).toEqual({ start: '', end: '' });
    expect(nextWindow([row(1, '09:00', '')])).toEqual({ start: '', end: '' });
    const form = { slotMinutes: '30', windows: [row(1, '09:00', '13:00'), { ...row(1, '13:00', '14:00'), key: 'n' }], exceptions: [] };
    expect(validateAvailability(form)).toEqual({});
  });

  it('copies one day’s windows over the chosen days, leaving the others', () => {
    const form = {
      slotMinutes: '30',
      windows: [row(1, '09:00', '12:00'), row(1, '14:00', '17:00'), row(2, '10:00', '11:00'), row(3, '08:00', '09:00')],
      exceptions: [],
    };
    const copied = copyDayHours(form, 1, [2, 5, 1]);
    const hoursOf = (day: number) => copied.windows.filter((w) => w.dayOfWeek === day).map((w) => `${w.start}-${w.end}`);
    expect(hoursOf(1)).toEqual(['09:00-12:00', '14:00-17:00']);
    expect(hoursOf(2)).toEqual(['09:00-12:00', '14:00-17:00']);
    expect(hoursOf(5)).toEqual(['09:00-12:00', '14:00-17:00']);
    expect(hoursOf(3)).toEqual(['08:00-09:00']);
    expect(new Set(copied.windows.map((w) => w.key)).size).toBe(copied.windows.length);
    expect(validateAvailability(copied)).toEqual({});
  });
});
