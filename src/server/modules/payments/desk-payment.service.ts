import type { DeskPaymentCreate, Payment } from '../../../contracts/payments.js';
import type { ActorCtx } from '../../context.js';
import { payments } from '../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { inTransaction } from '../../realtime/outbox.js';
import { findAppointment } from '../appointments/appointments.queries.js';
import { applyTransition } from '../appointments/transition.js';
import { presentPaymentById } from './payments.queries.js';
import { recordPaymentEvent, rupees } from './record.js';

/**
 * A hospital admin records the fee paid at the desk (cash): it confirms the appointment like an
 * online payment, under the same row lock and the same one-confirmation-per-appointment index,
 * and is audited with who recorded it. An online order still open meanwhile, if paid, is refunded.
 */
export async function recordDeskPayment(ctx: ActorCtx, appointmentId: string, body: DeskPaymentCreate): Promise<Payment> {
  const id = await inTransaction(ctx, async (tx, outbox) => {
    const row = await findAppointment(tx, ctx.scope, appointmentId, true);
    if (!row) throw notFound('No such appointment');
    const a = row.appointment;
    if (a.status !== 'scheduled') throw new AppError('not_payable', `An appointment that is ${a.status.replace('_', ' ')} cannot be paid`);
    if (body.amount !== a.fee) throw fieldError('amount_mismatch', 'amount', `The fee of this visit is ${rupees(a.fee)}`);
    const now = ctx.clock.now();
    const [p] = await tx
      .insert(payments)
      .values({
        hospitalId: a.hospitalId,
        appointmentId: a.id,
        patientId: a.patientId,
        provider: 'desk',
        amount: a.fee,
        status: 'completed',
        grants: true,
        transactionId: body.reference ?? null,
        paidAt: now,
        recordedBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await applyTransition(tx, outbox, { row, action: 'payment-received', party: 'system', config: ctx.config, actorId: ctx.actor.userId, reason: 'Paid at the desk', at: now });
    await recordPaymentEvent(tx, outbox, ctx, p!, 'desk_recorded', 'completed', { reference: body.reference ?? null });
    return p!.id;
  });
  return presentPaymentById(ctx.db, ctx.scope, id);
}
