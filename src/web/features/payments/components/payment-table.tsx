import { Link } from 'react-router';
import type { Payment } from '../../../../contracts/payments.js';
import { formatDateTime, viewerTimeZone, zoneName } from '../../../lib/datetime.js';
import { formatPaisa } from '../../../lib/money.js';
import { problemText, providerLabel, refundSummary } from '../utils/payment-labels.js';
import { PaymentStatusBadge } from './payment-status-badge.js';

const patientName = (p: Payment) => `${p.patient.firstName} ${p.patient.lastName}`;
const Transaction = ({ p }: { p: Payment }) => (p.transactionId ? <span className="font-mono break-all">{p.transactionId}</span> : <span className="text-slate-600">—</span>);
const VisitLink = ({ p }: { p: Payment }) => (
  <Link to={`/appointments/${p.appointmentId}`} className="font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900">
    Visit of {formatDateTime(p.appointmentStartsAt)}
    <span className="sr-only">, {patientName(p)}</span>
  </Link>
);
const Refund = ({ p }: { p: Payment }) => <>{p.refund ? refundSummary(p.refund) : p.problem ? problemText[p.problem] : '—'}</>;

/** Payments: a table on wide screens, a list of cards on phones; each links to its appointment. */
export function PaymentTable({ payments, caption, showHospital }: { payments: Payment[]; caption: string; showHospital: boolean }) {
  return (
    <>
      <ul aria-label={caption} className="space-y-3 md:hidden">
        {payments.map((p) => (
          <li key={p.id} className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="text-base font-semibold text-slate-900">{formatPaisa(p.amount)}</span>
              <PaymentStatusBadge payment={p} />
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              <dt className="text-slate-600">Patient</dt>
              <dd className="break-words">{patientName(p)}</dd>
              {showHospital && (
                <>
                  <dt className="text-slate-600">Hospital</dt>
                  <dd className="break-words">{p.hospitalName}</dd>
                </>
              )}
              <dt className="text-slate-600">Made</dt>
              <dd>
                <time dateTime={p.createdAt}>{formatDateTime(p.createdAt)}</time>
              </dd>
              <dt className="text-slate-600">Paid with</dt>
              <dd>{providerLabel[p.provider]}</dd>
              <dt className="text-slate-600">Transaction</dt>
              <dd className="min-w-0">
                <Transaction p={p} />
              </dd>
              <dt className="text-slate-600">Refund</dt>
              <dd>
                <Refund p={p} />
              </dd>
            </dl>
            <p className="mt-2">
              <VisitLink p={p} />
            </p>
          </li>
        ))}
      </ul>
      <div role="region" aria-label={caption} tabIndex={0} className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm md:block">
        <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-slate-800">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold whitespace-nowrap">
                Made <span className="font-normal text-slate-600">({zoneName(viewerTimeZone())})</span>
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">Patient</th>
              {showHospital && <th scope="col" className="px-4 py-3 font-semibold">Hospital</th>}
              <th scope="col" className="px-4 py-3 text-right font-semibold">Amount</th>
              <th scope="col" className="px-4 py-3 font-semibold">Status</th>
              <th scope="col" className="px-4 py-3 font-semibold">Paid with</th>
              <th scope="col" className="px-4 py-3 font-semibold">Transaction ID</th>
              <th scope="col" className="px-4 py-3 font-semibold">Appointment</th>
              <th scope="col" className="px-4 py-3 font-semibold">Refund</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {payments.map((p) => (
              <tr key={p.id} className="align-top">
                <td className="px-4 py-3 whitespace-nowrap">
                  <time dateTime={p.createdAt}>{formatDateTime(p.createdAt)}</time>
                </td>
                <td className="px-4 py-3">{patientName(p)}</td>
                {showHospital && <td className="px-4 py-3">{p.hospitalName}</td>}
                <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">{formatPaisa(p.amount)}</td>
                <td className="px-4 py-3">
                  <PaymentStatusBadge payment={p} />
                </td>
                <td className="px-4 py-3">{providerLabel[p.provider]}</td>
                <td className="max-w-48 px-4 py-3">
                  <Transaction p={p} />
                </td>
                <td className="px-4 py-3">
                  <VisitLink p={p} />
                </td>
                <td className="max-w-56 px-4 py-3">
                  <Refund p={p} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
