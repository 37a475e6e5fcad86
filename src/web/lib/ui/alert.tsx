import type { ReactNode } from 'react';
import { cx } from './cx.js';

type Tone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<Tone, { box: string; icon: string }> = {
  info: { box: 'border-sky-300 bg-sky-50 text-sky-950', icon: 'ℹ' },
  success: { box: 'border-green-300 bg-green-50 text-green-950', icon: '✓' },
  warning: { box: 'border-amber-300 bg-amber-50 text-amber-950', icon: '!' },
  error: { box: 'border-red-300 bg-red-50 text-red-950', icon: '⚠' },
};

export interface AlertProps {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
  /** Focusable, so a form can move focus to it when a submit fails without a field error. */
  focusable?: boolean;
}

/** A message box. Errors are announced at once (role=alert), other tones politely. */
export function Alert({ tone = 'info', title, children, action, className, focusable }: AlertProps) {
  const { box, icon } = tones[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      tabIndex={focusable ? -1 : undefined}
      data-form-alert={focusable ? '' : undefined}
      className={cx('flex gap-3 rounded-lg border p-4 text-sm', box, className)}
    >
      <span aria-hidden="true" className="mt-px font-bold">
        {icon}
      </span>
      <div className="min-w-0 flex-1 space-y-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className="break-words">{children}</div>}
        {action && <div className="pt-2">{action}</div>}
      </div>
    </div>
  );
}
