import { eq } from 'drizzle-orm';
import type { PaymentOutcome } from '../../../contracts/payments.js';
import { systemScope } from '../../access/scope.js';
import type { Ctx } from '../../context.js';
import { payments } from '../../db/schema/index.js';
import { settlePayment } from './settle-payment.service.js';

const PIDX = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Khalti sent a payer back. Whatever the query string claims (a forged `status=Completed`
 * included), only the order its `pidx` names is looked at, and only Khalti's lookup decides.
 * The payer need not be signed in any more: the pidx names the order, in whichever hospital,
 * so this is system work with the request's address kept for the audit trail.
 */
export async function handleKhaltiReturn(requestCtx: Ctx, query: { pidx?: string; purchase_order_id?: string }): Promise<{ appointmentId: string | null; outcome: PaymentOutcome }> {
  const pidx = query.pidx?.trim() ?? '';
  if (!PIDX.test(pidx)) return { appointmentId: null, outcome: 'unknown' };
  const ctx: Ctx = { ...requestCtx, scope: systemScope('Khalti sent a payer back: the pidx names the order, whichever hospital it is in') };
  const [order] = await ctx.db.select({ id: payments.id, appointmentId: payments.appointmentId }).from(payments).where(eq(payments.pidx, pidx));
  if (!order) return { appointmentId: null, outcome: 'unknown' };
  if (query.purchase_order_id && query.purchase_order_id !== order.id)
    ctx.log.warn({ paymentId: order.id }, "Khalti return: purchase_order_id is not the pidx's order; the pidx's order is looked up");
  const { outcome } = await settlePayment(ctx, order.id);
  return { appointmentId: order.appointmentId, outcome };
}
