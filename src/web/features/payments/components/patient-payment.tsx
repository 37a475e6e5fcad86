import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AppointmentDetail } from '../../../../contracts/appointments.js';
import { errorMessage } from '../../../lib/api-client.js';
import { formatDateTimeIn } from '../../../lib/datetime.js';
import { formatPaisa } from '../../../lib/money.js';
import { policyHoursText, refundOnPatientCancel } from '../../../entities/hospitals/refund-policy.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { Loading } from '../../../lib/ui/spinner.js';
import { useAppointmentPayments, usePaymentsConfig, useStartPayment } from '../api/use-payments.js';
import { patientPaymentView, paidPayments } from '../utils/patient-payment.js';
import { checkoutUrl, parseOutcome } from '../utils/payment-return.js';
import { PaymentReceipt } from './payment-receipt.js';
import { TestPaymentBadge } from './payment-status-badge.js';

/**
 * The patient's payment of one visit: what is due, by when and what happens after; the Pay
 * button (to Khalti's checkout) or the desk; how the last attempt went, live while Khalti
 * settles it; then the receipt, and the refund policy while the visit can still be cancelled.
 */
export function PatientPayment({ appointment: a }: { appointment: AppointmentDetail }) {
  const [params] = useSearchParams();
  const outcome = parseOutcome(params.get('payment'));
  const config = usePaymentsConfig();
  const payments = useAppointmentPayments(a.id);
  const start = useStartPayment(a.id);
  const [leaving, setLeaving] = useState(false);
  const [linkError, setLinkError] = useState(false);
  // Back from Khalti with the browser's Back button, the page may come back as it was left.
  useEffect(() => {
    const shown = (e: PageTransitionEvent) => e.persisted && setLeaving(false);
    window.addEventListener('pageshow', shown);
    return () => window.removeEventListener('pageshow', shown);
  }, []);

  if (a.fee === 0) return null;
  if (config.isPending || payments.isPending) return <Loading label="Loading the payment…" />;
  if (config.isError || payments.isError) {
    const failed = config.isError ? config : payments;
    return <QueryError error={failed.error} title="Could not load the payment" onRetry={() => void failed.refetch()} />;
  }

  const items = payments.data.items;
  const view = patientPaymentView(a, items, config.data, outcome);
  const receipts = paidPayments(items);

  const pay = () => {
    setLinkError(false);
    start.mutate(undefined, {
      onSuccess: (order) => {
        const url = checkoutUrl(order.paymentUrl, window.location.href);
        if (!url) return setLinkError(true);
        setLeaving(true);
        window.location.assign(url);
      },
    });
  };

  return (
    <div className="space-y-4">
      {view.notice && (
        <Alert tone={view.notice.tone} title={view.notice.title}>
          {view.notice.body}
        </Alert>
      )}
      {view.due && (
        <div className="space-y-3 rounded-lg bg-sky-50 p-4 text-sm text-sky-950">
          <p>
            <span className="font-semibold">Fee {formatPaisa(a.fee)}.</span>{' '}
            {a.paymentDueAt ? `Payment due by ${formatDateTimeIn(a.paymentDueAt)}.` : 'Payment is due before the visit.'} If it is not paid by then, the visit is
            cancelled automatically and its time released.
          </p>
          {view.method === 'desk' ? (
            <p>
              <span className="font-semibold">Pay at the hospital.</span> Online payment is not available for this visit: pay the fee at {a.hospitalName}’s desk before
              the deadline. The staff record it and the visit is confirmed.
            </p>
          ) : (
            <div className="flex flex-wrap items-center gap-3">
              {view.method === 'online' && (
                <Button onClick={pay} pending={start.isPending || leaving} pendingLabel="Going to Khalti…">
                  {view.payLabel}
                </Button>
              )}
              <span className="text-sky-950">Paid securely through Khalti.</span>
              {config.data.test && (
                <span className="inline-flex items-center gap-2">
                  <TestPaymentBadge />
                  <span>No money moves.</span>
                </span>
              )}
            </div>
          )}
          {view.method !== 'desk' && (
            <p>
              If you cancel after paying, the hospital refunds the fee in full {policyHoursText(a.refundFullUntilHours)}; after that, nothing is refunded.
            </p>
          )}
        </div>
      )}
      {start.isError && (
        <Alert tone="error" title="The payment could not be started">
          {errorMessage(start.error)}
        </Alert>
      )}
      {linkError && <Alert tone="error" title="Khalti sent an address we cannot open">Try again in a moment, or pay at the hospital’s desk.</Alert>}
      <RefundPolicy appointment={a} paid={receipts.some((p) => p.status === 'completed' && p.problem === null)} />
      {receipts.map((p) => (
        <PaymentReceipt key={p.id} payment={p} />
      ))}
    </div>
  );
}

/** Before a paid visit is cancelled: what the patient would get back, now and later. */
function RefundPolicy({ appointment: a, paid }: { appointment: AppointmentDetail; paid: boolean }) {
  if (!paid || !a.actions.includes('cancel')) return null;
  const policy = refundOnPatientCancel(a.startsAt, a.refundFullUntilHours);
  return (
    <p className="rounded-lg bg-slate-100 p-3 text-sm text-slate-900">
      <span className="font-semibold">Refund policy:</span> {a.hospitalName} refunds a cancelled visit in full {policyHoursText(a.refundFullUntilHours)}
      {policy.full
        ? `. Cancel by ${formatDateTimeIn(policy.until.toISOString())} to get ${formatPaisa(a.fee)} back.`
        : '. That time has passed: cancelling now refunds nothing.'}{' '}
      If the doctor or the hospital cancels, you get the fee back in full.
    </p>
  );
}
