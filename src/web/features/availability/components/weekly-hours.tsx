import { Button } from '../../../lib/ui/button.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { DAY_NAMES, type AvailabilityErrors, type WindowRow } from '../utils/availability-form.js';

/** Monday first, as most timetables read; Sunday (0) last. */
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** Working hours per weekday: any number of windows each, added and removed freely. */
export function WeeklyHours({
  windows,
  errors,
  onAdd,
  onChange,
  onRemove,
  onCopy,
}: {
  windows: WindowRow[];
  /** Offer to copy a day's hours to other days. */
  onCopy: (dayOfWeek: number) => void;
  errors: AvailabilityErrors;
  onAdd: (dayOfWeek: number) => void;
  onChange: (key: string, field: 'start' | 'end', value: string) => void;
  onRemove: (key: string) => void;
}) {
  return (
    <div className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
      {DAY_ORDER.map((day) => {
        const name = DAY_NAMES[day]!;
        const rows = windows.filter((w) => w.dayOfWeek === day);
        const dayError = errors[`day.${day}`];
        const errorId = `day-${day}-error`;
        return (
          <fieldset key={day} className="p-4" aria-describedby={dayError ? errorId : undefined}>
            <legend className="float-left w-full font-semibold text-slate-900 sm:w-36 sm:pt-2">{name}</legend>
            <div className="clear-both space-y-3 pt-2 sm:clear-none sm:ml-36 sm:pt-0">
              {dayError && (
                <p id={errorId} className="flex items-start gap-1 text-sm font-medium text-red-700">
                  <span aria-hidden="true">⚠</span>
                  <span>{dayError}</span>
                </p>
              )}
              {rows.length === 0 && <p className="pt-2 text-sm text-slate-600">Not working</p>}
              {rows.map((w) => (
                // Top-aligned, so an error under one field does not push the row's other fields up.
                <div key={w.key} className="flex flex-wrap items-start gap-3">
                  <TextField
                    label="From"
                    type="time"
                    step={300}
                    fieldClassName="w-36"
                    value={w.start}
                    error={errors[`windows.${w.key}.start`]}
                    aria-invalid={errors[`windows.${w.key}.start`] || dayError ? true : undefined}
                    onChange={(e) => onChange(w.key, 'start', e.target.value)}
                  />
                  <TextField
                    label="To"
                    type="time"
                    step={300}
                    fieldClassName="w-36"
                    value={w.end}
                    error={errors[`windows.${w.key}.end`]}
                    aria-invalid={errors[`windows.${w.key}.end`] || dayError ? true : undefined}
                    onChange={(e) => onChange(w.key, 'end', e.target.value)}
                  />
                  <Button variant="ghost" className="mt-[1.625rem]" onClick={() => onRemove(w.key)} aria-label={`Remove ${name} ${w.start || '…'}–${w.end || '…'}`}>
                    Remove
                  </Button>
                </div>
              ))}
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" size="sm" onClick={() => onAdd(day)} aria-label={`Add hours on ${name}`}>
                  <span aria-hidden="true">+</span> Add hours
                </Button>
                {rows.length > 0 && (
                  <Button variant="ghost" size="sm" onClick={() => onCopy(day)}>
                    <span>
                      Copy<span className="sr-only"> {name}’s hours</span> to other days
                    </span>
                  </Button>
                )}
              </div>
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
