import { useState } from 'react';
import type { AppointmentDetail } from '../../../../contracts/appointments.js';
import type { Payment } from '../../../../contracts/payments.js';
import type { Viewer } from '../../../entities/appointments/appointment-status.js';
import { formatDateTimeIn } from '../../../lib/datetime.js';
import { formatPaisa } from '../../../lib/money.js';
import { useMe } from '../../../lib/session.js';
import { visitPaid } from '../../../entities/appointments/visit-paid.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { SkeletonRows } from '../../../lib/ui/spinner.js';
import { useAppointmentPayments } from '../api/use-payments.js';
import { problemText, providerErrorText, providerLabel, refundSummary } from '../utils/payment-labels.js';
import { DeskPaymentDialog } from './desk-payment-dialog.js';
import { PatientPayment } from './patient-payment.js';
import { PaymentStatusBadge } from './payment-status-badge.js';

/**
 * The payment part of an appointment's page, for whoever looks: the patient pays and keeps
 * the receipt; the doctor learns whether the visit is paid; the hospital's staff see every
 * payment of it and record a payment made at the desk.
 */
export function AppointmentPayment({ appointment, viewer }: { appointment: AppointmentDetail; viewer: Viewer }) {
  if (viewer === 'patient') return <PatientPayment appointment={appointment} />;
  if (viewer === 'doctor') return <DoctorPaymentLine appointment={appointment} />;
  return <StaffPayments appointment={appointment} />;
}

/** The doctor sees no money, only whether the visit is paid. */
function DoctorPaymentLine({ appointment: a }: { appointment: AppointmentDetail }) {
  const paid = visitPaid(a);
  if (!paid) return null;
  const text = {
    free: 'No fee for this visit.',
    paid: 'Paid.',
    unpaid: `Not paid yet. ${a.paymentDueAt ? `Payment due by ${formatDateTimeIn(a.paymentDueAt)}` : 'Payment is due before the visit'}; unpaid by then, the visit is cancelled automatically.`,
  }[paid];
  return (
    <p className="rounded-lg bg-slate-100 p-3 text-sm text-slate-900">
      <span className="font-semibold">Payment:</span> {text}
    </p>
  );
}

function StaffPayments({ appointment: a }: { appointment: AppointmentDetail }) {
  const me = useMe();
  const payments = useAppointmentPayments(a.id);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const canRecord = me.role === 'hospital_admin' && a.status === 'scheduled' && a.fee > 0;
  // Before a time is agreed nothing is due; a free visit has nothing to pay.
  if (a.fee === 0 || ['requested', 'pending', 'rejected'].includes(a.status)) return null;

  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 className="font-semibold text-slate-900">Payment</h3>
        {canRecord && (
          <Button variant="secondary" onClick={() => setOpen(true)}>
            Record desk payment
          </Button>
        )}
      </div>
      {message && <Alert tone="success">{message}</Alert>}
      {a.status === 'scheduled' && (
        <p className="text-sm text-slate-900">
          Fee {formatPaisa(a.fee)}, {a.paymentDueAt ? `due by ${formatDateTimeIn(a.paymentDueAt)}` : 'due before the visit'}. Unpaid by then, the visit is cancelled
          automatically.
        </p>
      )}
      {payments.isPending ? (
        <SkeletonRows rows={1} label="Loading the payments…" />
      ) : payments.isError ? (
        <QueryError error={payments.error} title="Could not load the payments" onRetry={() => void payments.refetch()} />
      ) : payments.data.items.length === 0 ? (
        <p className="text-sm text-slate-700">No payment has been made or started for this visit.</p>
      ) : (
        <ul aria-label="Payments of this appointment" className="divide-y divide-slate-200">
          {payments.data.items.map((p) => (
            <PaymentLine key={p.id} payment={p} />
          ))}
        </ul>
      )}
      {canRecord && (
        <DeskPaymentDialog
          appointment={a}
          open={open}
          onClose={() => setOpen(false)}
          onDone={(text) => {
            setOpen(false);
            setMessage(text);
          }}
        />
      )}
    </div>
  );
}

/** One payment as staff read it: status, money, how, the provider's ids, what went wrong, the refund. */
function PaymentLine({ payment: p }: { payment: Payment }) {
  return (
    <li className="space-y-1 py-3 text-sm first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900">{formatPaisa(p.amount)}</span>
        <PaymentStatusBadge payment={p} />
        <span className="text-slate-700">{providerLabel[p.provider]}</span>
      </div>
      <p className="text-slate-700">
        {p.paidAt ? `Paid ${formatDateTimeIn(p.paidAt)}` : `Started ${formatDateTimeIn(p.createdAt)}`}
        {p.transactionId && (
          <>
            {' · '}
            {p.provider === 'desk' ? 'Receipt' : 'Transaction'} <span className="font-mono break-all">{p.transactionId}</span>
          </>
        )}
        {p.recordedBy && ` · Recorded by ${p.recordedBy.firstName} ${p.recordedBy.lastName}`}
      </p>
      {p.problem && <p className="text-slate-700">{problemText[p.problem]}.</p>}
      {p.lastError && <p className="text-slate-700">Last check: {providerErrorText[p.lastError]}.</p>}
      {p.refund && <p className="text-slate-900">Refund: {refundSummary(p.refund)}.</p>}
    </li>
  );
}
