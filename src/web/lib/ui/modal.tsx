import { useId, type FormEvent, type ReactNode, type RefObject } from 'react';
import { Button } from './button.js';
import { cx } from './cx.js';
import { useModalDialog } from './use-modal-dialog.js';

const WIDTHS = {
  sm: 'w-[min(28rem,calc(100vw-2rem))]',
  md: 'w-[min(30rem,calc(100vw-2rem))]',
  lg: 'w-[min(44rem,calc(100vw-1rem))]',
};

export interface ModalProps {
  open: boolean;
  title: string;
  /** What the dialog is about (its accessible description). */
  description?: ReactNode;
  /** Below the description: a form's fields, an error. */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: 'primary' | 'danger';
  /** A request runs: the buttons wait and Escape does not close. */
  pending?: boolean;
  width?: keyof typeof WIDTHS;
  /** The dialog is a form: confirming submits it. Otherwise confirming calls `onConfirm`. */
  form?: { ref?: RefObject<HTMLFormElement | null>; onSubmit: (event: FormEvent) => void };
  onConfirm?: () => void;
  onClose: () => void;
}

/**
 * A modal on <dialog>: the browser traps focus, puts it on the first control, closes on Escape
 * (unless a request runs) and returns focus to whatever opened it. Its content exists only while
 * it is open, so a form in it starts afresh each time.
 */
export function Modal({
  open,
  title,
  description,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'primary',
  pending,
  width = 'md',
  form,
  onConfirm,
  onClose,
}: ModalProps) {
  const ref = useModalDialog(open);
  const titleId = useId();
  const bodyId = useId();
  const content = (
    <>
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
        <Button
          type={form ? 'submit' : 'button'}
          variant={tone === 'danger' ? 'danger' : 'primary'}
          onClick={form ? undefined : onConfirm}
          pending={pending}
        >
          {confirmLabel}
        </Button>
      </div>
    </>
  );
  const frame = 'space-y-4 p-4 sm:p-6';
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? bodyId : undefined}
      onClose={onClose}
      onCancel={(event) => {
        if (pending) event.preventDefault();
      }}
      className={cx('m-auto max-h-[calc(100dvh-2rem)] rounded-xl bg-white p-0 text-slate-900 shadow-xl', WIDTHS[width])}
    >
      {open &&
        (form ? (
          <form ref={form.ref} noValidate onSubmit={form.onSubmit} aria-labelledby={titleId} className={frame}>
            {content}
          </form>
        ) : (
          <div className={frame}>{content}</div>
        ))}
    </dialog>
  );
}
