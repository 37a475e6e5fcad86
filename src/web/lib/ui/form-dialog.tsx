import type { FormEvent, ReactNode, RefObject } from 'react';
import type { FormFailure } from '../form-errors.js';
import { FormAlert } from './form-alert.js';
import { Modal } from './modal.js';

export interface FormDialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  /** The form's fields. */
  children: ReactNode;
  submitLabel: string;
  cancelLabel?: string;
  tone?: 'primary' | 'danger';
  /** What `useForm` returns: its failure is shown above the fields, its state keeps the buttons waiting. */
  form?: { formRef: RefObject<HTMLFormElement | null>; submitting: boolean; failure: FormFailure | null };
  /** Without `form`: a request runs. */
  pending?: boolean;
  wide?: boolean;
  formRef?: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
}

/** A modal form (a reason, notes, a new time): submitting it is the confirming action. */
export function FormDialog({ submitLabel, wide, form, formRef, pending, onSubmit, children, ...props }: FormDialogProps) {
  return (
    <Modal
      {...props}
      confirmLabel={submitLabel}
      width={wide ? 'lg' : 'md'}
      pending={form ? form.submitting : pending}
      form={{ ref: form ? form.formRef : formRef, onSubmit }}
    >
      {form && <FormAlert failure={form.failure} />}
      {children}
    </Modal>
  );
}
