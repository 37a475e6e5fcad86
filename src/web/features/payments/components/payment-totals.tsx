import type { PaymentTotals } from '../../../../contracts/payments.js';
import { formatPaisa } from '../../../lib/money.js';

type Row = PaymentTotals['items'][number];

const COLUMNS: { key: keyof Row; label: string; money?: boolean }[] = [
  { key: 'paidCount', label: 'Payments' },
  { key: 'paidAmount', label: 'Paid', money: true },
  { key: 'onlineAmount', label: 'Online (Khalti)', money: true },
  { key: 'deskAmount', label: 'At the desk', money: true },
  { key: 'refundedAmount', label: 'Refunded', money: true },
  { key: 'refundsOutstanding', label: 'Refunds to make', money: true },
  { key: 'netAmount', label: 'Net', money: true },
  { key: 'reviewCount', label: 'To review' },
];

const show = (row: Row, c: (typeof COLUMNS)[number]) => (c.money ? formatPaisa(row[c.key] as number) : String(row[c.key]));

/** Money per hospital: a table on wide screens, cards on phones. */
export function PaymentTotalsTable({ totals, caption }: { totals: Row[]; caption: string }) {
  return (
    <>
      <ul aria-label={caption} className="space-y-3 md:hidden">
        {totals.map((row) => (
          <li key={row.hospitalId} className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
            <p className="font-semibold text-slate-900">{row.hospitalName}</p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              {COLUMNS.map((c) => (
                <div key={c.key} className="contents">
                  <dt className="text-slate-600">{c.label}</dt>
                  <dd className="text-right tabular-nums">{show(row, c)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      <div role="region" aria-label={caption} tabIndex={0} className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm md:block">
        <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-slate-800">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">
                Hospital
              </th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className="px-4 py-3 text-right font-semibold whitespace-nowrap">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {totals.map((row) => (
              <tr key={row.hospitalId}>
                <th scope="row" className="px-4 py-3 font-medium text-slate-900">
                  {row.hospitalName}
                </th>
                {COLUMNS.map((c) => (
                  <td key={c.key} className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
                    {show(row, c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
