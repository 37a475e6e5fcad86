import type { ReactNode } from 'react';
import { cx } from './cx.js';

type Tone = 'green' | 'grey' | 'amber' | 'blue' | 'red';

const tones: Record<Tone, string> = {
  green: 'bg-green-100 text-green-900 ring-green-700/30',
  grey: 'bg-slate-100 text-slate-800 ring-slate-600/30',
  amber: 'bg-amber-100 text-amber-950 ring-amber-700/30',
  blue: 'bg-sky-100 text-sky-950 ring-sky-700/30',
  red: 'bg-red-100 text-red-900 ring-red-700/30',
};

export function Badge({ tone = 'grey', children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span
      className={cx(
        'inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset whitespace-nowrap',
        tones[tone],
      )}
    >
      {children}
    </span>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  return active ? <Badge tone="green">Active</Badge> : <Badge tone="grey">Inactive</Badge>;
}
