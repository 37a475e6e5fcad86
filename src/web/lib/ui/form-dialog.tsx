import type { FormEvent, ReactNode, RefObject } from 'react';
import { Modal } from './modal.js';

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

/** A modal form (a reason, notes, a new time): submitting it is the confirming action. */
export function FormDialog({ submitLabel, wide, formRef, onSubmit, ...props }: FormDialogProps) {
  return <Modal {...props} confirmLabel={submitLabel} width={wide ? 'lg' : 'md'} form={{ ref: formRef, onSubmit }} />;
}
