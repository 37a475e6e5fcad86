import { useState, type FormEvent } from 'react';
import { CheckboxField } from '../../../lib/ui/checkbox-field.js';
import { FormDialog } from '../../../lib/ui/form-dialog.js';
import { DAY_NAMES, type WindowRow } from '../utils/availability-form.js';

/** Monday first, as the weekly hours read. */
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** Choose the weekdays that get the same hours as `from` (their own hours are replaced). */
export function CopyHoursDialog({
  from,
  windows,
  onCopy,
  onClose,
}: {
  /** The weekday copied from, or null when the dialog is closed. */
  from: number | null;
  windows: readonly WindowRow[];
  onCopy: (from: number, to: number[]) => void;
  onClose: () => void;
}) {
  const [chosen, setChosen] = useState<number[]>([]);
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    setChosen([]);
    setError(undefined);
    onClose();
  };
  const hours = windows
    .filter((w) => w.dayOfWeek === from)
    .map((w) => `${w.start}–${w.end}`)
    .join(', ');
  const others = DAY_ORDER.filter((d) => d !== from);
  const toggle = (day: number, on: boolean) => {
    setError(undefined);
    setChosen((list) => (on ? [...list, day] : list.filter((d) => d !== day)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from === null) return;
    if (chosen.length === 0) {
      setError('Choose at least one day');
      return;
    }
    onCopy(from, chosen);
    close();
  };
  const name = from === null ? '' : DAY_NAMES[from]!;
  return (
    <FormDialog
      open={from !== null}
      title={`Copy ${name}’s hours to other days`}
      description={`${hours || 'No hours'}. The days you choose get these hours instead of their own; save the availability afterwards.`}
      submitLabel="Copy hours"
      onSubmit={submit}
      onClose={close}
    >
      <fieldset className="space-y-3" aria-describedby={error ? 'copy-days-error' : undefined}>
        <legend className="text-sm font-medium text-slate-900">Days to copy to</legend>
        <CheckboxField
          label="Every other day"
          checked={chosen.length === others.length}
          onChange={(e) => {
            setError(undefined);
            setChosen(e.target.checked ? others : []);
          }}
        />
        <div className="grid grid-cols-2 gap-3 border-t border-slate-200 pt-3">
          {others.map((day) => (
            <CheckboxField key={day} label={DAY_NAMES[day]} checked={chosen.includes(day)} onChange={(e) => toggle(day, e.target.checked)} />
          ))}
        </div>
        {error && (
          <p id="copy-days-error" role="alert" className="flex items-start gap-1 text-sm font-medium text-red-700">
            <span aria-hidden="true">⚠</span>
            <span>{error}</span>
          </p>
        )}
      </fieldset>
    </FormDialog>
  );
}
