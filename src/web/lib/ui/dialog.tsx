import type { ReactNode } from 'react';
import { Modal } from './modal.js';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  pending?: boolean;
  error?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}

/** A modal question: what happens (`children`), Cancel and the confirming action. */
export function ConfirmDialog({ children, error, ...props }: ConfirmDialogProps) {
  return (
    <Modal {...props} width="sm" description={children}>
      {error}
    </Modal>
  );
}
