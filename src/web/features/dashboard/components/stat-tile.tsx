import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A big number with its label, optionally linking to the list behind it. */
export function StatTile({ label, value, to }: { label: string; value: ReactNode; to?: string }) {
  const body = (
    <>
      <span className="block text-2xl font-bold text-slate-900 sm:text-3xl">{value}</span>
      <span className="mt-1 block text-sm font-medium text-slate-700">{label}</span>
    </>
  );
  const box = 'block rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5';
  return to ? (
    <Link to={to} className={`${box} hover:border-brand-600 hover:bg-brand-50`}>
      {body}
    </Link>
  ) : (
    <div className={box}>{body}</div>
  );
}
