import { useId, type FormEvent, type ReactNode, type RefObject } from 'react';
import { Button } from './button.js';
import { useModalDialog } from './use-modal-dialog.js';
import { cx } from './cx.js';

export interface FormDialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  /** The form's fields (and its FormAlert). */
  children: ReactNode;
  submitLabel: string;
  cancelLabel?: string;
  tone?: 'primary' | 'danger';
  pending?: boolean;
  wide?: boolean;
  formRef?: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
}

/**
 * A modal form on <dialog> (a reason, notes, a new time): the browser traps focus, puts it on
 * the first field, closes on Escape (unless a request runs) and returns focus to the opener.
 */
export function FormDialog({
  open,
  title,
  description,
  children,
  submitLabel,
  cancelLabel = 'Cancel',
  tone = 'primary',
  pending,
  wide,
  formRef,
  onSubmit,
  onClose,
}: FormDialogProps) {
  const ref = useModalDialog(open);
  const titleId = useId();
  const bodyId = useId();

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? bodyId : undefined}
      onClose={onClose}
      onCancel={(event) => {
        if (pending) event.preventDefault();
      }}
      className={cx(
        'm-auto max-h-[calc(100dvh-2rem)] rounded-xl bg-white p-0 text-slate-900 shadow-xl',
        wide ? 'w-[min(44rem,calc(100vw-1rem))]' : 'w-[min(30rem,calc(100vw-2rem))]',
      )}
    >
      {open && (
        <form ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby={titleId} className="space-y-4 p-4 sm:p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {description && (
            <div id={bodyId} className="text-sm text-slate-700">
              {description}
            </div>
          )}
          {children}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onClose} disabled={pending}>
              {cancelLabel}
            </Button>
            <Button type="submit" variant={tone === 'danger' ? 'danger' : 'primary'} pending={pending}>
              {submitLabel}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
