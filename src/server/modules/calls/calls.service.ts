import { and, count, eq, sql } from 'drizzle-orm';
import type { CallRole, CallState, CallStats, CallSummary, VideoCallToken } from '../../../contracts/video.js';
import { appointmentRows, partyOf } from '../../access/appointments.policy.js';
import { joinRefusal, OVERRUN_MS } from '../../access/calls.policy.js';
import type { ActorCtx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { appointments, callStats } from '../../db/schema/index.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { toCall } from '../../realtime/events.js';
import { afterWrites, inTransaction, type Outbox } from '../../realtime/outbox.js';
import { findAppointment } from '../appointments/appointments.queries.js';
import { refusal } from '../appointments/lifecycle.js';
import { applyTransition } from '../appointments/transition.js';
import { signRoomToken, verifyRoomToken } from './call-token.js';
import { iceConfigFor } from './ice.js';

type Appointment = typeof appointments.$inferSelect;
const DAY = 86_400_000;

const JOIN_DETAIL: Partial<Record<string, string>> = {
  payment_required: 'Pay the fee to confirm the visit; its room opens once it is paid',
  call_unavailable: 'Only a confirmed visit, around its time, has a room to join',
};

/** The room token for the appointment's doctor or patient, with the servers to reach the other side. */
export async function issueRoomToken(ctx: ActorCtx, appointmentId: string): Promise<VideoCallToken> {
  const row = await findAppointment(ctx.db, ctx.scope, appointmentId);
  if (!row) throw notFound('No such appointment');
  const a = row.appointment;
  const role = partyOf(ctx.scope, a);
  if (role !== 'doctor' && role !== 'patient') throw forbidden('Only the patient and the doctor join the video visit');
  const now = ctx.clock.now();
  const why = joinRefusal(a, ctx.config, now);
  if (why === 'too_early') throw new AppError('too_early', `The room opens ${Math.round(ctx.config.video.joinEarlyMs / 60_000)} minutes before the visit`);
  if (why) throw new AppError(why, JOIN_DETAIL[why]);
  // At most a day, and no longer than the visit may run (a started one, an hour at a time).
  const until = Math.max(a.endsAt.getTime() + OVERRUN_MS, a.status === 'in_progress' ? now.getTime() + 3_600_000 : 0);
  const expiresAt = new Date(Math.min(now.getTime() + DAY, until));
  const token = signRoomToken(ctx.config.session.secret, { userId: ctx.actor.userId, role, appointmentId: a.id, roomId: a.videoCallRoomId, expiresAt: expiresAt.getTime() });
  return { token, roomId: a.videoCallRoomId, appointmentId: a.id, role, expiresAt: expiresAt.toISOString(), ...iceConfigFor(ctx.config, ctx.actor.userId, expiresAt) };
}

/**
 * Who may enter the room: a genuine token for this person, this room and this appointment, the
 * side they are on now, and a visit that may be joined now. Anything else is refused.
 */
export async function admitToRoom(ctx: ActorCtx, roomId: string, token: string | undefined): Promise<{ appointment: Appointment; role: CallRole }> {
  const claims = token ? verifyRoomToken(ctx.config.session.secret, token, ctx.clock.now()) : null;
  if (!claims || claims.userId !== ctx.actor.userId || claims.roomId !== roomId) throw new AppError('call_token_invalid');
  const appointment = await roomAppointment(ctx, roomId);
  if (appointment.id !== claims.appointmentId || partyOf(ctx.scope, appointment) !== claims.role) throw new AppError('call_token_invalid');
  const why = joinRefusal(appointment, ctx.config, ctx.clock.now());
  if (why) throw new AppError(why);
  return { appointment, role: claims.role };
}

/** The appointment behind a room, if this person may see it. */
export async function roomAppointment(ctx: ActorCtx, roomId: string, tx: Tx = ctx.db, lock = false) {
  const q = tx.select().from(appointments).where(and(eq(appointments.videoCallRoomId, roomId), appointmentRows(ctx.scope)));
  const [a] = await (lock ? q.for('update') : q);
  if (!a) throw notFound('No such call');
  return a;
}

export const callStateOf = (a: Appointment): CallState => ({
  status: a.videoCallStatus,
  admitted: a.videoCallAdmitted,
  startedAt: a.videoCallStartedAt?.toISOString() ?? null,
  endedAt: a.videoCallEndedAt?.toISOString() ?? null,
});

const announce = (outbox: Outbox, a: Appointment) => outbox.add(toCall(a.videoCallRoomId, { type: 'call.state', appointmentId: a.id, state: callStateOf(a) }));

/** The patient arrived: unless already let in, they wait in the waiting room. */
export async function arrive(ctx: ActorCtx, roomId: string, role: CallRole) {
  if (role !== 'patient') return;
  await afterWrites(ctx, async (db, outbox) => {
    const [a] = await db
      .update(appointments)
      .set({ videoCallStatus: 'waiting' })
      .where(and(eq(appointments.videoCallRoomId, roomId), eq(appointments.videoCallStatus, 'not_started'), eq(appointments.videoCallAdmitted, false)))
      .returning();
    if (a) announce(outbox, a);
  });
}

const doctorOnly = (role: CallRole, what: string) => {
  if (role !== 'doctor') throw forbidden(`Only the doctor ${what}`);
};

/** The doctor lets the patient in; the first time, that starts the visit (appointment `in_progress`). */
export async function admitPatient(ctx: ActorCtx, roomId: string, role: CallRole) {
  doctorOnly(role, 'lets the patient in');
  await inTransaction(ctx, async (tx, outbox) => {
    const a = await roomAppointment(ctx, roomId, tx, true);
    const now = ctx.clock.now();
    const call = { videoCallStatus: 'in_progress' as const, videoCallAdmitted: true, videoCallStartedAt: a.videoCallStartedAt ?? now };
    let updated: Appointment;
    if (a.status === 'confirmed') {
      const why = refusal('start', a.status, 'doctor', { now: now.getTime(), startsAt: a.startsAt.getTime(), cancelCutoffMs: ctx.config.appointments.cancelCutoffMs });
      if (why) throw new AppError(why, why === 'too_early' ? 'The visit can start 15 minutes before its time' : undefined);
      const row = (await findAppointment(tx, ctx.scope, a.id, true))!;
      updated = (await applyTransition(tx, outbox, { row, action: 'start', party: 'doctor', config: ctx.config, actorId: ctx.actor.userId, at: now, patch: call })).appointment;
    } else {
      if (a.videoCallStatus === 'ended') throw new AppError('call_ended');
      [updated] = (await tx.update(appointments).set(call).where(eq(appointments.id, a.id)).returning()) as [Appointment];
    }
    announce(outbox, updated);
  });
}

/** The doctor sends the patient back to the waiting room; the visit goes on. */
export async function sendBack(ctx: ActorCtx, roomId: string, role: CallRole) {
  doctorOnly(role, 'sends the patient back to the waiting room');
  await inTransaction(ctx, async (tx, outbox) => {
    const a = await roomAppointment(ctx, roomId, tx, true);
    if (a.videoCallStatus === 'ended') throw new AppError('call_ended');
    const [updated] = await tx.update(appointments).set({ videoCallAdmitted: false, videoCallStatus: 'waiting' }).where(eq(appointments.id, a.id)).returning();
    announce(outbox, updated!);
  });
}

/** The doctor ends the call: its end, duration and quality summary are recorded. The appointment is completed separately, with notes. */
export async function endCall(ctx: ActorCtx, roomId: string, role: CallRole) {
  doctorOnly(role, 'ends the call');
  await inTransaction(ctx, async (tx, outbox) => {
    const a = await roomAppointment(ctx, roomId, tx, true);
    if (a.videoCallStatus === 'ended') return;
    const [updated] = await tx.update(appointments).set(await finishCall(tx, a, ctx.clock.now())).where(eq(appointments.id, a.id)).returning();
    announce(outbox, updated!);
  });
}

/**
 * What ending a call writes on its appointment (also when the doctor completes a visit whose
 * call is still open). Nothing for a visit that never had a call.
 */
export async function finishCall(tx: Tx, a: Appointment, now: Date): Promise<Partial<Appointment>> {
  if (a.videoCallStatus === 'ended' || (!a.videoCallStartedAt && a.videoCallStatus === 'not_started')) return {};
  const durationSeconds = a.videoCallStartedAt ? Math.max(0, Math.round((now.getTime() - a.videoCallStartedAt.getTime()) / 1000)) : 0;
  return {
    videoCallStatus: 'ended',
    videoCallAdmitted: false,
    videoCallEndedAt: now,
    callDuration: durationSeconds,
    videoCallSummary: await summaryOf(tx, a.id, durationSeconds),
  };
}

/** Both sides' measurements, in one line a doctor or an admin reads at a glance. */
async function summaryOf(tx: Tx, appointmentId: string, durationSeconds: number): Promise<CallSummary> {
  const [row] = await tx
    .select({
      samples: count(),
      avgRtt: sql<number | null>`avg(${callStats.rttMs})`,
      avgLoss: sql<number | null>`avg(${callStats.lossPct})`,
      maxPixels: sql<number | null>`max(${callStats.width} * ${callStats.height})`,
    })
    .from(callStats)
    .where(eq(callStats.appointmentId, appointmentId));
  const [best] = row?.maxPixels
    ? await tx
        .select({ width: callStats.width, height: callStats.height })
        .from(callStats)
        .where(and(eq(callStats.appointmentId, appointmentId), sql`${callStats.width} * ${callStats.height} = ${row.maxPixels}`))
        .limit(1)
    : [];
  // Each side reports its own count of ICE restarts so far: the last report of each is its total.
  const perSide = tx
    .select({ total: sql<number>`max(${callStats.reconnects})`.as('total') })
    .from(callStats)
    .where(eq(callStats.appointmentId, appointmentId))
    .groupBy(callStats.userId)
    .as('per_side');
  const [restarts] = await tx.select({ total: sql<number | null>`sum(${perSide.total})::int` }).from(perSide);
  const round = (n: number | null, digits = 1) => (n === null || n === undefined ? null : Math.round(Number(n) * 10 ** digits) / 10 ** digits);
  return {
    durationSeconds,
    avgRttMs: round(row?.avgRtt ?? null, 0),
    packetLossPct: round(row?.avgLoss ?? null),
    maxWidth: best?.width ?? null,
    maxHeight: best?.height ?? null,
    reconnections: restarts?.total ?? 0,
    samples: row?.samples ?? 0,
  };
}

/** One side's measurement: kept for the summary, and passed to the other side for its indicator. */
export async function recordStats(ctx: ActorCtx, appointmentId: string, stats: CallStats) {
  await ctx.db.insert(callStats).values({ appointmentId, userId: ctx.actor.userId, at: ctx.clock.now(), ...stats });
}
