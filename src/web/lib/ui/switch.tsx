import { useId, type ReactNode } from 'react';
import { Spinner } from './spinner.js';
import { cx } from './cx.js';

/** An on/off control (role="switch") with its label and an optional description. */
export function Switch({
  checked,
  onChange,
  label,
  description,
  pending,
}: {
  checked: boolean;
  onChange: (next: boolean) => void;
  label: ReactNode;
  description?: ReactNode;
  pending?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="min-w-0">
        <span id={`${id}-label`} className="font-medium text-slate-900">
          {label}
        </span>
        {description && (
          <p id={`${id}-desc`} className="text-sm text-slate-700">
            {description}
          </p>
        )}
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={description ? `${id}-desc` : undefined}
        aria-busy={pending || undefined}
        disabled={pending}
        onClick={() => onChange(!checked)}
        className={cx(
          'relative inline-flex h-8 w-14 shrink-0 items-center rounded-full border-2 transition-colors disabled:opacity-70',
          checked ? 'border-brand-700 bg-brand-700' : 'border-slate-500 bg-slate-200',
        )}
      >
        <span
          aria-hidden="true"
          className={cx(
            'flex size-6 items-center justify-center rounded-full bg-white shadow transition-transform',
            checked ? 'translate-x-6' : 'translate-x-0.5',
          )}
        >
          {pending && <Spinner className="size-4 text-brand-700" />}
        </span>
      </button>
    </div>
  );
}
