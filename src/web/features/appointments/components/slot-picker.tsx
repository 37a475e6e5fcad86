import { useEffect, useId, useState } from 'react';
import type { Slot } from '../../../../contracts/availability.js';
import {
  addDaysToDate,
  dateKeyIn,
  describeZone,
  formatDayLabel,
  formatTimeIn,
  sameClock,
  todayIsoDate,
  viewerTimeZone,
} from '../../../lib/datetime.js';
import { Button } from '../../../lib/ui/button.js';
import { cx } from '../../../lib/ui/cx.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { useSlots } from '../api/use-slots.js';
import { datesFrom, groupSlotsByDay, hospitalDayShift, msUntilNextStart, slotFetchRange, upcomingSlots } from '../utils/slot-days.js';

/** How far ahead people may look, in weeks. */
const MAX_WEEKS = 8;

/**
 * A doctor's free times, a week at a time, in the viewer's zone (named), with the hospital's
 * own time beside each slot when its clocks differ. One radio group: arrow keys move between
 * times; the chosen slot is `value` (its startsAt).
 */
export function SlotPicker({
  doctorId,
  value,
  onChange,
  legend = 'Choose a time',
  error,
  compact,
}: {
  doctorId: string;
  value: string | null;
  onChange: (slot: Slot | null) => void;
  legend?: string;
  error?: string;
  /** Tighter layout inside a dialog. */
  compact?: boolean;
}) {
  const [week, setWeekState] = useState(0);
  const [pickedDay, setPickedDay] = useState<string | null>(null);
  const setWeek = (next: (w: number) => number) => {
    setWeekState(next);
    setPickedDay(null);
  };
  const id = useId();
  const viewerZone = viewerTimeZone();
  const dates = datesFrom(addDaysToDate(todayIsoDate(), week * 7));
  const range = slotFetchRange(dates);
  const slots = useSlots(doctorId, range.from, range.to);
  const hospitalZone = slots.data?.timezone;
  const showHospital = hospitalZone !== undefined && !sameClock(hospitalZone, viewerZone);
  // A time that starts while the page is open drops out then, not at submit (other patients'
  // bookings arrive live as `slots.changed`, which refetches the list).
  const [now, setNow] = useState(() => Date.now());
  const fetched = slots.data?.items;
  useEffect(() => {
    const timer = setTimeout(() => setNow(Date.now()), msUntilNextStart(fetched ?? [], now));
    return () => clearTimeout(timer);
  }, [fetched, now]);
  const free = fetched ? upcomingSlots(fetched, now) : undefined;
  const days = free ? groupSlotsByDay(free, dates, viewerZone) : [];
  const count = days.reduce((n, d) => n + d.slots.length, 0);
  // The day whose times are shown: the one picked, else the chosen slot's, else the first with free times.
  const valueDay = value ? dateKeyIn(value, viewerZone) : null;
  const shownDay =
    days.find((d) => d.date === pickedDay) ??
    days.find((d) => d.date === valueDay) ??
    days.find((d) => d.slots.length > 0) ??
    days[0];

  // A chosen slot of this week that is no longer free (someone took it, or its time came) is unchosen.
  useEffect(() => {
    if (!value || !free || slots.isPlaceholderData) return;
    if (!dates.includes(dateKeyIn(value, viewerZone))) return;
    if (!free.some((s) => s.startsAt === value)) onChange(null);
  }, [fetched, now, slots.isPlaceholderData]);

  const weekLabel = `${formatDayLabel(dates[0]!, 'short')} – ${formatDayLabel(dates[6]!, 'short')}`;
  return (
    <fieldset aria-describedby={`${id}-zone${error ? ` ${id}-error` : ''}`} className="min-w-0 space-y-3">
      <legend className="text-sm font-medium text-slate-900">{legend}</legend>
      <p id={`${id}-zone`} className="text-sm text-slate-700">
        Times are in your time zone, {describeZone(viewerZone)}.
        {showHospital && ` The hospital’s own time (${describeZone(hospitalZone)}) is shown under each time.`}
        {slots.data && ` Each visit lasts ${slots.data.slotMinutes} minutes.`}
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-slate-100 p-2">
        <Button variant="secondary" size="sm" disabled={week === 0} onClick={() => setWeek((w) => w - 1)}>
          <span aria-hidden="true">←</span> Previous week
        </Button>
        <p className="order-first w-full text-center text-sm font-semibold text-slate-900 sm:order-none sm:w-auto" aria-live="polite">
          <span className="sr-only">Showing </span>
          {weekLabel}
          {slots.data && !slots.isPlaceholderData && <span className="sr-only">: {count} free {count === 1 ? 'time' : 'times'}</span>}
        </p>
        <Button variant="secondary" size="sm" disabled={week >= MAX_WEEKS - 1} onClick={() => setWeek((w) => w + 1)}>
          Next week <span aria-hidden="true">→</span>
        </Button>
      </div>
      {error && (
        <p id={`${id}-error`} className="flex items-start gap-1 text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      )}
      {slots.isPending ? (
        <SkeletonRows rows={compact ? 2 : 4} label="Loading free times…" />
      ) : slots.isError ? (
        <QueryError error={slots.error} title="Could not load the free times" onRetry={() => void slots.refetch()} />
      ) : count === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-700">
          <p className="font-semibold text-slate-900">No free times this week</p>
          {week < MAX_WEEKS - 1 && (
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => setWeek((w) => w + 1)}>
              Look at the next week
            </Button>
          )}
        </div>
      ) : (
        <div className={cx('space-y-3', slots.isFetching && slots.isPlaceholderData && 'opacity-60')}>
          <div role="group" aria-label="Days" className="grid grid-cols-4 gap-2 sm:grid-cols-7">
            {days.map((day) => {
              const selected = day.date === shownDay?.date;
              const free = day.slots.length;
              return (
                <button
                  key={day.date}
                  type="button"
                  aria-pressed={selected}
                  onClick={() => setPickedDay(day.date)}
                  className={cx(
                    'flex min-h-14 flex-col items-center justify-center rounded-md border px-1 py-1.5 text-sm leading-tight',
                    selected ? 'border-brand-700 bg-brand-50 font-semibold text-brand-900 ring-1 ring-brand-700' : 'border-slate-300 bg-white text-slate-900 hover:bg-slate-100',
                  )}
                >
                  {formatDayLabel(day.date, 'short')
                    .split(', ')
                    .map((part) => (
                      <span key={part}>{part}</span>
                    ))}
                  <span className={cx('text-xs', free ? 'text-slate-700' : 'text-slate-600')}>{free ? `${free} free` : 'None free'}</span>
                </button>
              );
            })}
          </div>
          {shownDay && (
            <div className="rounded-lg border border-slate-200 bg-white p-3">
              <p className="mb-2 text-sm font-semibold text-slate-900">{formatDayLabel(shownDay.date, 'long')}</p>
              {shownDay.slots.length === 0 ? (
                <p className="text-sm text-slate-700">No free times on this day. Choose another day.</p>
              ) : (
                <div className={cx('grid gap-2', compact ? 'grid-cols-3 sm:grid-cols-5' : 'grid-cols-3 sm:grid-cols-4 lg:grid-cols-6')}>
                  {shownDay.slots.map((slot) => {
                    const long = formatDayLabel(shownDay.date, 'long');
                    const time = formatTimeIn(slot.startsAt, viewerZone);
                    const shift = showHospital ? hospitalDayShift(slot, viewerZone, hospitalZone) : 0;
                    const hospitalTime = showHospital
                      ? `${formatTimeIn(slot.startsAt, hospitalZone)}${shift > 0 ? ' next day' : shift < 0 ? ' previous day' : ''}`
                      : null;
                    const checked = value === slot.startsAt;
                    return (
                      <label
                        key={slot.startsAt}
                        className={cx(
                          'relative flex min-h-11 cursor-pointer flex-col items-center justify-center rounded-md border px-2 py-1.5 text-sm font-medium',
                          'has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-700',
                          checked
                            ? 'border-brand-700 bg-brand-700 text-white'
                            : 'border-slate-400 bg-white text-slate-900 hover:border-brand-700 hover:bg-brand-50',
                        )}
                      >
                        <input
                          type="radio"
                          name={`${id}-slot`}
                          value={slot.startsAt}
                          checked={checked}
                          onChange={() => onChange(slot)}
                          aria-invalid={error ? true : undefined}
                          aria-label={`${long}, ${time}${hospitalTime ? ` (hospital time ${hospitalTime})` : ''}`}
                          className="absolute inset-0 size-full cursor-pointer appearance-none rounded-md opacity-0"
                        />
                        <span aria-hidden="true">{time}</span>
                        {hospitalTime && (
                          <span aria-hidden="true" className={cx('text-xs font-normal', checked ? 'text-white' : 'text-slate-700')}>
                            {hospitalTime}
                          </span>
                        )}
                      </label>
                    );
                  })}
                </div>
              )}
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}
