import type { PaymentStatus } from '../../../contracts/payments.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { toAppointment, toUser } from '../../realtime/events.js';
import type { Outbox } from '../../realtime/outbox.js';
import { audit } from '../audit/audit.js';
import { notify } from '../notifications/notify.js';

interface PaymentRef {
  id: string;
  hospitalId: string;
  appointmentId: string;
  patientId: string;
  amount: number;
}

/** Events on the way to an outcome, not outcomes (the metrics count the rest: completed, failed, refunded …). */
const STEPS = new Set(['created', 'initiated', 'refund_requested']);

/**
 * Every payment event goes into the audit trail (ids, amounts and statuses: never a phone
 * number or a name) and, once committed, to the patient's sockets and the appointment's.
 */
export async function recordPaymentEvent(tx: Tx, outbox: Outbox, ctx: Ctx, p: PaymentRef, action: string, status: PaymentStatus, details: Record<string, unknown> = {}) {
  await audit(tx, ctx, {
    action: `payment.${action}`,
    hospitalId: p.hospitalId,
    entityType: 'payment',
    entityId: p.id,
    details: { appointmentId: p.appointmentId, amount: p.amount, status, ...details },
  });
  if (!STEPS.has(action)) ctx.metrics.paymentOutcome(action);
  const event = { type: 'payment.changed' as const, paymentId: p.id, appointmentId: p.appointmentId, status };
  outbox.add(toUser(p.patientId, event));
  outbox.add(toAppointment(p.appointmentId, event));
}

/** Rs 1,500.00, as people read money. */
export const rupees = (paisa: number) => `Rs ${Math.floor(paisa / 100).toLocaleString('en-US')}.${String(paisa % 100).padStart(2, '0')}`;

/** Tells the patient what became of their money (stored, then delivered after the commit). */
export const tellPatient = (tx: Tx, outbox: Outbox, p: PaymentRef, type: string, title: string, message: string) =>
  notify(tx, outbox, { recipientId: p.patientId, type: `payment.${type}`, title, message, appointmentId: p.appointmentId });
