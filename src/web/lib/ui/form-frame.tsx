import { useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { FormFailure } from '../form-errors.js';
import { Alert } from './alert.js';
import { Button } from './button.js';
import { FormAlert } from './form-alert.js';

/** A form's buttons: submit, and Cancel when the form can be left. */
export function FormActions({
  submitLabel,
  pending,
  pendingLabel,
  onCancel,
}: {
  submitLabel: ReactNode;
  pending: boolean;
  pendingLabel?: ReactNode;
  onCancel?: () => void;
}) {
  return (
    <div className="flex flex-wrap gap-3">
      <Button type="submit" pending={pending} pendingLabel={pendingLabel}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      )}
    </div>
  );
}

/**
 * A record's form (create, edit, or one's own): the failure above the fields, a note once saved,
 * the fields, then the buttons. `form` is what `useForm` returns.
 */
export function FormFrame({
  form,
  label,
  onSubmit,
  submitLabel,
  onCancel,
  note,
  children,
}: {
  form: { formRef: RefObject<HTMLFormElement | null>; failure: FormFailure | null; submitting: boolean };
  /** The form's accessible name; a form alone on its page may go without. */
  label?: string;
  onSubmit: (event: FormEvent) => void;
  submitLabel: ReactNode;
  onCancel?: () => void;
  /** Said after a save when the form stays open. */
  note?: string | null;
  children: ReactNode;
}) {
  return (
    <form ref={form.formRef} aria-label={label} noValidate onSubmit={onSubmit} className="space-y-5">
      <FormAlert failure={form.failure} />
      {note && <Alert tone="success">{note}</Alert>}
      {children}
      <FormActions submitLabel={submitLabel} pending={form.submitting} onCancel={onCancel} />
    </form>
  );
}

/** The note of a form that stays open after saving: what was saved, or that nothing changed. */
export function useSaveNote(savedText: string) {
  const [note, setNote] = useState<string | null>(null);
  return {
    note,
    clear: () => setNote(null),
    show: (changed: boolean) => setNote(changed ? savedText : 'Nothing to save: no changes.'),
  };
}
