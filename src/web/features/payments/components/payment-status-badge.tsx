import type { Payment } from '../../../../contracts/payments.js';
import { Badge } from '../../../lib/ui/badge.js';
import { paymentStatus } from '../utils/payment-labels.js';

/** A payment's status as a badge, and "Test payment" when no money moved. */
export function PaymentStatusBadge({ payment }: { payment: Pick<Payment, 'status' | 'test'> }) {
  const info = paymentStatus[payment.status];
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={info.tone}>{info.label}</Badge>
      {payment.test && <TestPaymentBadge />}
    </span>
  );
}

export function TestPaymentBadge() {
  return <Badge tone="grey">Test payment</Badge>;
}
