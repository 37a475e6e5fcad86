import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AvailabilityView } from '../../../../contracts/availability.js';
import { ApiError, errorMessage } from '../../../lib/api-client.js';
import { describeZone, sameClock, viewerTimeZone } from '../../../lib/datetime.js';
import type { FormFailure } from '../../../lib/form-errors.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import { SelectField } from '../../../lib/ui/select-field.js';
import { useSaveAvailability } from '../api/use-availability.js';
import {
  copyDayHours,
  newKey,
  nextWindow,
  serverErrors,
  toBody,
  toForm,
  validateAvailability,
  type AvailabilityErrors,
  type AvailabilityForm,
  type ExceptionRow,
} from '../utils/availability-form.js';
import { CopyHoursDialog } from './copy-hours-dialog.js';
import { ExceptionList } from './exception-list.js';
import { WeeklyHours } from './weekly-hours.js';

const LENGTHS = [10, 15, 20, 30, 45, 60, 90, 120];

/**
 * A doctor's weekly hours, visit length and dated exceptions, edited as a whole and saved in one
 * PUT. Checked in the browser with the contract's rules first; server refusals land on the rows.
 */
export function AvailabilityEditor({ doctorId, view }: { doctorId: string; view: AvailabilityView }) {
  const [form, setForm] = useState<AvailabilityForm>(() => toForm(view));
  const [errors, setErrors] = useState<AvailabilityErrors>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const [focusToken, setFocusToken] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const save = useSaveAvailability(doctorId);

  useEffect(() => {
    if (focusToken === 0) return;
    const el = formRef.current;
    const target = el?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? el?.querySelector<HTMLElement>('[data-form-alert], [data-saved]');
    target?.focus();
  }, [focusToken]);

  const edit = (next: (f: AvailabilityForm) => AvailabilityForm) => {
    setSaved(false);
    setForm(next);
  };
  const changeWindow = (key: string, field: 'start' | 'end', value: string) =>
    edit((f) => ({ ...f, windows: f.windows.map((w) => (w.key === key ? { ...w, [field]: value } : w)) }));
  const addWindow = (dayOfWeek: number) =>
    edit((f) => ({ ...f, windows: [...f.windows, { key: newKey(), dayOfWeek, ...nextWindow(f.windows.filter((w) => w.dayOfWeek === dayOfWeek)) }] }));
  const [copyFrom, setCopyFrom] = useState<number | null>(null);
  const removeWindow = (key: string) => edit((f) => ({ ...f, windows: f.windows.filter((w) => w.key !== key) }));
  const changeException = (key: string, patch: Partial<ExceptionRow>) =>
    edit((f) => ({ ...f, exceptions: f.exceptions.map((e) => (e.key === key ? { ...e, ...patch } : e)) }));
  const addException = () =>
    edit((f) => ({ ...f, exceptions: [...f.exceptions, { key: newKey(), date: '', kind: 'day-off', start: '', end: '', note: '' }] }));
  const removeException = (key: string) => edit((f) => ({ ...f, exceptions: f.exceptions.filter((e) => e.key !== key) }));

  const show = (next: AvailabilityErrors, nextFailure: FormFailure | null) => {
    setErrors(next);
    setFailure(nextFailure);
    setFocusToken((t) => t + 1);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    const problems = validateAvailability(form);
    if (Object.keys(problems).length > 0) {
      const section = [problems.windows, problems.exceptions, problems._form].filter(Boolean) as string[];
      show(problems, section.length ? { title: 'Check the hours', message: section.join(' '), unmatched: [] } : null);
      return;
    }
    const { body, windowKeys, exceptionKeys } = toBody(form);
    try {
      const result = await save.mutateAsync(body);
      setForm(toForm(result));
      setErrors({});
      setFailure(null);
      setSaved(true);
      setFocusToken((t) => t + 1);
    } catch (error) {
      const placed = error instanceof ApiError ? serverErrors(error.problem?.errors ?? [], windowKeys, exceptionKeys) : {};
      const title = error instanceof ApiError && error.code === 'availability_overlap' ? 'Some hours overlap' : error instanceof ApiError && error.problem ? error.problem.title : 'Could not save';
      const sectionLevel = [placed.windows, placed.exceptions, placed._form].filter(Boolean) as string[];
      show(placed, { title, message: errorMessage(error), unmatched: sectionLevel.filter((m) => m !== errorMessage(error)) });
    }
  };

  const viewerZone = viewerTimeZone();
  const lengths = LENGTHS.includes(Number(form.slotMinutes)) ? LENGTHS : [...LENGTHS, Number(form.slotMinutes)].sort((a, b) => a - b);
  return (
    <>
      <form ref={formRef} aria-label="Availability" noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-8">
        <FormAlert failure={failure} />
        {saved && (
          <div data-saved="" tabIndex={-1} className="outline-none">
            <Alert tone="success" title="Availability saved">
              Patients now see free times from these hours.
            </Alert>
          </div>
        )}
        <Alert tone="info">
          Times are the hospital’s clock: <strong>{describeZone(view.timezone)}</strong>.
          {!sameClock(view.timezone, viewerZone) && ` Your own time zone, ${describeZone(viewerZone)}, differs; patients see times in their own zone.`}
        </Alert>
        <Section title="Visit length" description="Each free slot lasts this long; slots start at the beginning of each window.">
          <Card>
            <SelectField
              label="Length of one visit"
              fieldClassName="sm:max-w-xs"
              options={lengths.map((m) => ({ value: String(m), label: `${m} minutes` }))}
              value={form.slotMinutes}
              error={errors.slotMinutes}
              name="slotMinutes"
              onChange={(e) => edit((f) => ({ ...f, slotMinutes: e.target.value }))}
            />
          </Card>
        </Section>
        <Section title="Weekly hours" description="The hours you see patients, every week. Add more than one window for a break.">
          {errors.windows && <Alert tone="error">{errors.windows}</Alert>}
          <WeeklyHours windows={form.windows} errors={errors} onAdd={addWindow} onChange={changeWindow} onRemove={removeWindow} onCopy={setCopyFrom} />
        </Section>
        <Section
          title="Exceptions"
          description="Dated changes: a day off, hours off on a working day, or extra hours."
          actions={
            <Button variant="secondary" onClick={addException}>
              <span aria-hidden="true">+</span> Add an exception
            </Button>
          }
        >
          {errors.exceptions && <Alert tone="error">{errors.exceptions}</Alert>}
          <ExceptionList exceptions={form.exceptions} errors={errors} onChange={changeException} onRemove={removeException} />
        </Section>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={save.isPending} pendingLabel="Saving…">
            Save availability
          </Button>
          <Button
            variant="secondary"
            disabled={save.isPending}
            onClick={() => {
              setForm(toForm(view));
              setErrors({});
              setFailure(null);
              setSaved(false);
            }}
          >
            Discard changes
          </Button>
        </div>
      </form>
      {/* Outside the form: a dialog's own form must not submit the availability. */}
      <CopyHoursDialog
        from={copyFrom}
        windows={form.windows}
        onClose={() => setCopyFrom(null)}
        onCopy={(from, to) => {
          edit((f) => copyDayHours(f, from, to));
          setErrors({});
        }}
      />
    </>
  );
}
