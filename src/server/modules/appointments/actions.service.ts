import { and, eq, inArray, lte, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActionBodies, AppointmentAction } from '../../../contracts/appointments.js';
import type { ActorCtx, Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { appointments } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { actingPartyOf, appointmentRows } from '../../access/appointments.policy.js';
import { inTransaction, type Outbox } from '../../realtime/outbox.js';
import { findAppointment, type AppointmentRow } from './appointments.queries.js';
import { getAppointment, overlapError, slotFor } from './appointments.service.js';
import { refusal } from './lifecycle.js';
import { finishCall } from '../calls/calls.service.js';
import { refundOnCancel, refundsAfterCancel } from '../payments/refunds.service.js';
import { applyTransition } from './transition.js';

type Body<A extends AppointmentAction> = z.infer<(typeof ActionBodies)[A]>;

/** Once a time is agreed the fee is due, by the hold or the start, whichever is first; a free visit is confirmed at once. */
async function scheduled(tx: Tx, outbox: Outbox, ctx: Ctx, row: AppointmentRow) {
  const a = row.appointment;
  if (a.fee === 0) return applyTransition(tx, outbox, { row, action: 'confirm-free', party: 'system', config: ctx.config, actorId: null, at: ctx.clock.now() });
  const due = new Date(Math.min(ctx.clock.now().getTime() + ctx.config.appointments.paymentHoldMs, a.startsAt.getTime()));
  const [updated] = await tx.update(appointments).set({ paymentDueAt: due }).where(eq(appointments.id, a.id)).returning();
  return { ...row, appointment: updated! };
}

/** A patient or doctor acts on an appointment: POST /api/appointments/:id/<action>. */
export async function act<A extends AppointmentAction>(ctx: ActorCtx, id: string, action: A, body: Body<A>) {
  // A proposal's new time is checked against the schedule before the row is locked.
  const proposed = action === 'propose' ? await proposedRange(ctx, id, (body as Body<'propose'>).startsAt) : null;
  try {
    await inTransaction(ctx, async (tx, outbox) => {
      const row = await findAppointment(tx, ctx.scope, id, true);
      if (!row) throw notFound('No such appointment');
      const a = row.appointment;
      const party = actingPartyOf(ctx.scope, a);
      if (!party || party === 'system') throw new AppError('forbidden', 'Only the patient and the doctor act on an appointment');
      const now = ctx.clock.now();
      const why = refusal(action, a.status, party, { now: now.getTime(), startsAt: a.startsAt.getTime(), cancelCutoffMs: ctx.config.appointments.cancelCutoffMs });
      if (why) throw new AppError(why, why === 'invalid_transition' ? `Cannot ${action.replace('-', ' ')} an appointment that is ${a.status.replace('_', ' ')}` : undefined);
      const t = { row, action, party, config: ctx.config, actorId: ctx.actor.userId, at: now };
      switch (action) {
        case 'approve':
          return scheduled(tx, outbox, ctx, await applyTransition(tx, outbox, t));
        case 'reject': {
          const { reason } = body as Body<'reject'>;
          return applyTransition(tx, outbox, { ...t, patch: { rejectionReason: reason }, reason });
        }
        case 'propose': {
          const { note } = body as Body<'propose'>;
          return applyTransition(tx, outbox, {
            ...t,
            patch: {
              startsAt: proposed!.startsAt,
              endsAt: proposed!.endsAt,
              requestedStartsAt: a.requestedStartsAt ?? a.startsAt,
              requestedEndsAt: a.requestedEndsAt ?? a.endsAt,
              proposalNote: note ?? null,
            },
            reason: note ?? null,
          });
        }
        case 'accept-proposal':
          return scheduled(tx, outbox, ctx, await applyTransition(tx, outbox, { ...t, patch: { requestedStartsAt: null, requestedEndsAt: null } }));
        case 'decline-proposal': {
          const reason = (body as Body<'decline-proposal'>).reason || 'The patient declined the proposed time';
          return applyTransition(tx, outbox, { ...t, patch: { cancellationReason: reason }, reason });
        }
        case 'cancel': {
          const { reason } = body as Body<'cancel'>;
          const cancelled = await applyTransition(tx, outbox, { ...t, patch: { cancellationReason: reason }, reason });
          // A paid visit's refund is queued here and made after the commit (never inside it).
          if (a.status === 'confirmed') await refundOnCancel(tx, outbox, ctx, cancelled, party);
          return cancelled;
        }
        case 'start':
          return applyTransition(tx, outbox, { ...t, patch: { videoCallStartedAt: a.videoCallStartedAt ?? now } });
        case 'complete': {
          const { notes } = body as Body<'complete'>;
          return applyTransition(tx, outbox, { ...t, patch: { notes, ...(await finishCall(tx, a, now)) } });
        }
      }
    });
  } catch (e) {
    throw overlapError(e);
  }
  if (action === 'cancel') await refundsAfterCancel(ctx, id).catch((err) => ctx.log.error({ err }, 'refund after a cancel failed: the payment job retries it'));
  return getAppointment(ctx, id);
}

async function proposedRange(ctx: ActorCtx, id: string, startsAtIso: string) {
  const row = await findAppointment(ctx.db, ctx.scope, id);
  if (!row) throw notFound('No such appointment');
  const startsAt = new Date(startsAtIso);
  return { startsAt, endsAt: await slotFor(ctx, row.appointment.doctorId, startsAt) };
}

/**
 * Frees time nobody will use: scheduled visits unpaid past their due time, and requests or
 * proposals nobody answered before the start. Safe to run on every instance at once.
 */
export async function expireOverdue(ctx: Ctx, now = ctx.clock.now()): Promise<number> {
  const due = await ctx.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        appointmentRows(ctx.scope),
        or(
          and(eq(appointments.status, 'scheduled'), lte(appointments.paymentDueAt, now)),
          and(inArray(appointments.status, ['requested', 'pending']), lte(appointments.startsAt, now)),
        ),
      ),
    );
  let expired = 0;
  for (const { id } of due) {
    const done = await inTransaction(ctx, async (tx, outbox) => {
      const row = await findAppointment(tx, ctx.scope, id, true);
      const a = row?.appointment;
      const overdue = a && ((a.status === 'scheduled' && a.paymentDueAt && a.paymentDueAt <= now) || ((a.status === 'requested' || a.status === 'pending') && a.startsAt <= now));
      if (!overdue) return false;
      const reason = a.status === 'scheduled' ? 'The fee was not paid in time' : 'The request was not answered before its time';
      await applyTransition(tx, outbox, { row: row!, action: 'expire', party: 'system', config: ctx.config, actorId: null, patch: { cancellationReason: reason }, reason, at: now });
      return true;
    });
    if (done) expired++;
  }
  return expired;
}
