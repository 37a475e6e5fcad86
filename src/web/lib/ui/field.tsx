import { useId, type ReactNode } from 'react';
import { cx } from './cx.js';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Shows "(optional)" after the label. */
  optional?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** What a labelled field takes besides its control's own attributes. */
export interface FieldOwnProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  optional?: boolean;
  /** Classes of the whole field (label, hint, control, error), e.g. a narrower width. */
  fieldClassName?: string;
}

/** Splits a field's props into the Field's and the control's own. */
export function splitFieldProps<P extends FieldOwnProps>({ label, hint, error, required, optional, fieldClassName, ...control }: P) {
  return [{ label, hint, error, required, optional, className: fieldClassName }, control] as const;
}

/** A label, the control, a hint and an error message, wired together for assistive tech. */
export function Field({ label, hint, error, required, optional, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={cx('space-y-1.5', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
        {optional && <span className="font-normal text-slate-600"> (optional)</span>}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      {error && <FieldError id={errorId}>{error}</FieldError>}
    </div>
  );
}

/** The message under a field that is not right, tied to it by `id` (aria-describedby). */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="flex items-start gap-1 text-sm font-medium text-red-700">
      <span aria-hidden="true">⚠</span>
      <span>{children}</span>
    </p>
  );
}

export const controlClass =
  'block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 ' +
  'shadow-sm placeholder:text-slate-500 disabled:bg-slate-100 ' +
  'aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700';
