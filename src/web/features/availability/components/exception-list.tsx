import { todayIsoDate } from '../../../lib/datetime.js';
import { Button } from '../../../lib/ui/button.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import { SelectField } from '../../../lib/ui/select-field.js';
import { TextField } from '../../../lib/ui/text-field.js';
import type { AvailabilityErrors, ExceptionKind, ExceptionRow } from '../utils/availability-form.js';

const KINDS: { value: ExceptionKind; label: string }[] = [
  { value: 'day-off', label: 'Day off' },
  { value: 'hours-off', label: 'Hours off' },
  { value: 'extra', label: 'Extra hours' },
];

/** Dated changes to the weekly hours: a day off, some hours off, or extra hours. */
export function ExceptionList({
  exceptions,
  errors,
  onChange,
  onRemove,
}: {
  exceptions: ExceptionRow[];
  errors: AvailabilityErrors;
  onChange: (key: string, patch: Partial<ExceptionRow>) => void;
  onRemove: (key: string) => void;
}) {
  if (exceptions.length === 0) {
    return <EmptyState title="No exceptions">Add one for a holiday, an afternoon off or an extra evening clinic.</EmptyState>;
  }
  const err = (e: ExceptionRow, field: string) => errors[`exceptions.${e.key}.${field}`];
  return (
    <ul className="space-y-3">
      {exceptions.map((e, i) => {
        const label = `Exception ${i + 1}`;
        return (
          <li key={e.key}>
            <fieldset className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <legend className="sr-only">{label}</legend>
              <div className="flex flex-wrap items-start gap-3">
                <TextField
                  label="Date"
                  type="date"
                  min={todayIsoDate()}
                  fieldClassName="w-44"
                  value={e.date}
                  error={err(e, 'date')}
                  onChange={(ev) => onChange(e.key, { date: ev.target.value })}
                />
                <SelectField
                  label="Kind"
                  options={KINDS}
                  fieldClassName="w-40"
                  value={e.kind}
                  error={err(e, 'kind')}
                  onChange={(ev) => onChange(e.key, { kind: ev.target.value as ExceptionKind })}
                />
                {e.kind !== 'day-off' && (
                  <>
                    <TextField label="From" type="time" step={300} fieldClassName="w-36" value={e.start} error={err(e, 'start')} onChange={(ev) => onChange(e.key, { start: ev.target.value })} />
                    <TextField label="To" type="time" step={300} fieldClassName="w-36" value={e.end} error={err(e, 'end')} onChange={(ev) => onChange(e.key, { end: ev.target.value })} />
                  </>
                )}
                <TextField
                  label="Note"
                  optional
                  maxLength={200}
                  fieldClassName="min-w-48 flex-1"
                  value={e.note}
                  error={err(e, 'note')}
                  onChange={(ev) => onChange(e.key, { note: ev.target.value })}
                />
                <Button variant="ghost" className="mt-[1.625rem]" onClick={() => onRemove(e.key)} aria-label={`Remove exception ${i + 1}${e.date ? ` on ${e.date}` : ''}`}>
                  Remove
                </Button>
              </div>
            </fieldset>
          </li>
        );
      })}
    </ul>
  );
}
