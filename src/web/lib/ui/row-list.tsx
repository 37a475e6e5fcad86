import type { ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { cx } from './cx.js';

/** Records one to a row, in a card: doctors, patients, hospitals, appointments. */
export function RowList({ className, children }: { className?: string; children: ReactNode }) {
  return <ul className={cx('divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm', className)}>{children}</ul>;
}

/** A record's name as the link to its page. */
export function RecordLink({ className, ...props }: LinkProps) {
  return <Link className={cx('text-brand-900 underline-offset-2 hover:underline', className as string | undefined)} {...props} />;
}
