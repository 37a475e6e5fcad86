import { useId, useRef } from 'react';
import type { Payment } from '../../../../contracts/payments.js';
import { formatDateTimeIn } from '../../../lib/datetime.js';
import { formatPaisa } from '../../../lib/money.js';
import { Button } from '../../../lib/ui/button.js';
import { DetailList } from '../../../lib/ui/detail-list.js';
import { PaymentStatusBadge } from './payment-status-badge.js';
import { problemText, providerLabel, refundSummary } from '../utils/payment-labels.js';

/**
 * Prints this element alone: the print stylesheet (styles.css) hides everything else while
 * `data-print` is set on <html>. `print()` returns once the dialog closes.
 */
function printOnly(element: HTMLElement) {
  const root = document.documentElement;
  root.dataset.print = 'receipt';
  element.dataset.printing = '';
  try {
    window.print();
  } finally {
    delete root.dataset.print;
    delete element.dataset.printing;
  }
}

/** A receipt for money that arrived for a visit: amount, transaction, date, hospital, provider; printable. */
export function PaymentReceipt({ payment: p }: { payment: Payment }) {
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  const desk = p.provider === 'desk';
  return (
    <article ref={ref} aria-labelledby={titleId} className="receipt rounded-xl border border-slate-300 bg-white p-4 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h3 id={titleId} className="text-base font-semibold text-slate-900">
            Receipt · {p.hospitalName}
          </h3>
          <PaymentStatusBadge payment={p} />
        </div>
        <Button variant="secondary" size="sm" className="print:hidden" onClick={() => ref.current && printOnly(ref.current)}>
          Print receipt
        </Button>
      </div>
      {p.test && <p className="mt-2 text-sm text-slate-700">A test payment: no money moved.</p>}
      <div className="mt-4">
        <DetailList
          items={[
            { label: 'Amount', value: formatPaisa(p.amount) },
            { label: 'Paid on', value: formatDateTimeIn(p.paidAt) },
            { label: desk ? 'Desk receipt number' : 'Khalti transaction ID', value: <span className="font-mono break-all">{p.transactionId ?? '—'}</span> },
            { label: 'Paid with', value: providerLabel[p.provider] },
            { label: 'Hospital', value: p.hospitalName },
            { label: 'Patient', value: `${p.patient.firstName} ${p.patient.lastName}` },
            { label: 'For the visit of', value: formatDateTimeIn(p.appointmentStartsAt) },
            { label: 'Payment reference', value: <span className="font-mono break-all">{p.id}</span> },
            ...(p.problem ? [{ label: 'Note', value: problemText[p.problem] }] : []),
            ...(p.refund ? [{ label: 'Refund', value: `${refundSummary(p.refund)}${p.refund.refundedAt ? `, ${formatDateTimeIn(p.refund.refundedAt)}` : ''}` }] : []),
          ]}
        />
      </div>
    </article>
  );
}
