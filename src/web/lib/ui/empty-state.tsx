import type { ReactNode } from 'react';
import { cx } from './cx.js';

/** Nothing here yet: say why in one sentence and offer the next step. */
export function EmptyState({
  title,
  children,
  action,
  headingLevel = 3,
  className,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  headingLevel?: 2 | 3;
  className?: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div
      className={cx(
        'rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center',
        className,
      )}
    >
      <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
      {children && <div className="mx-auto mt-1 max-w-prose text-sm text-slate-700">{children}</div>}
      {action && <div className="mt-4 flex justify-center">{action}</div>}
    </div>
  );
}
