import { and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { AppointmentCreate, AppointmentDetail, AppointmentListQuery } from '../../../contracts/appointments.js';
import type { ActorCtx } from '../../context.js';
import { EXCLUSION_VIOLATION, constraintOf, sqlState } from '../../db/errors.js';
import { appointments, hospitals } from '../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { appointmentRows, partyOf } from '../../access/appointments.policy.js';
import { isStaff, scopeShape } from '../../access/scope.js';
import { inTransaction } from '../../realtime/outbox.js';
import { paged } from '../../db/page.js';
import { Bindings, preparedByShape } from '../../db/prepared.js';
import { findDoctor } from '../doctors/doctors.service.js';
import { loadAvailability } from '../availability/availability.service.js';
import { slotProblem } from '../availability/slots.js';
import { audit } from '../audit/audit.js';
import { markAppointmentNotificationsRead } from '../notifications/notifications.service.js';
import { eventsOf, findAppointment, presentAppointment, selectAppointments, type AppointmentRow } from './appointments.queries.js';
import { openAppointment } from './transition.js';
import { withFields } from '../../fields.js';

/** A lost race for a time: the exclusion constraints say whose time it was. */
export function overlapError(e: unknown): unknown {
  if (sqlState(e) !== EXCLUSION_VIOLATION) return e;
  const patientSide = constraintOf(e) === 'appointments_patient_no_overlap';
  return new AppError('slot_unavailable', patientSide ? 'You already have an appointment at that time' : 'That time is no longer available: choose another slot');
}

/**
 * Checks that `startsAt` is a future slot of the doctor's schedule and returns its end.
 * Overlaps are left to the database, which alone can decide them under concurrency.
 */
export async function slotFor(ctx: ActorCtx, doctorId: string, startsAt: Date) {
  if (startsAt.getTime() <= ctx.clock.now().getTime()) throw fieldError('start_in_past', 'startsAt', 'Choose a time in the future');
  const availability = await loadAvailability(ctx.db, doctorId);
  const problem = slotProblem(availability, availability.timezone, startsAt);
  if (problem) throw new AppError(problem, undefined, { errors: [{ path: 'startsAt', message: problem === 'slot_misaligned' ? `Slots start every ${availability.slotMinutes} minutes` : 'The doctor does not see patients at that time' }] });
  return new Date(startsAt.getTime() + availability.slotMinutes * 60_000);
}

/** A patient asks for a slot with one of their hospital's doctors. */
export async function requestAppointment(ctx: ActorCtx, body: AppointmentCreate) {
  // Where sign-ups confirm their address, an unconfirmed one cannot book (nor be reminded).
  if (ctx.config.mail.delivery === 'smtp' && !ctx.actor.emailConfirmed)
    throw new AppError('email_unconfirmed', 'Confirm your email address with the link we mailed you, then book.');
  const { user: doctor, profile } = await findDoctor(ctx.db, ctx.scope, body.doctorId);
  if (!doctor.isActive || !profile.isAvailable) throw new AppError('doctor_unavailable');
  const startsAt = new Date(body.startsAt);
  const endsAt = await slotFor(ctx, doctor.id, startsAt);
  try {
    const row = await inTransaction(ctx, async (tx, outbox) => {
      const [hospital] = await tx.select({ fee: hospitals.appointmentFee }).from(hospitals).where(eq(hospitals.id, profile.hospitalId));
      const values = { hospitalId: profile.hospitalId, patientId: ctx.actor.userId, doctorId: doctor.id, startsAt, endsAt, symptoms: body.symptoms, fee: hospital!.fee };
      return openAppointment(tx, outbox, values, { party: 'patient', config: ctx.config, actorId: ctx.actor.userId, at: ctx.clock.now() });
    });
    return getAppointment(ctx, row.appointment.id);
  } catch (e) {
    throw overlapError(e);
  }
}

const appointmentPage = preparedByShape<AppointmentRow[]>('appointment_list');
const appointmentCount = preparedByShape<{ n: number }[]>('appointment_count');

/**
 * A page of the appointments the scope may see. What people ask for most (a patient's list, a
 * doctor's day): prepared once per shape (who asks, which filters, the order) and run with the
 * request's values, since building the query took a fifth of the request's CPU.
 */
export async function listAppointments(ctx: ActorCtx, q: AppointmentListQuery) {
  const bound = new Bindings();
  const { bind, values } = bound;
  const where = and(
    appointmentRows(ctx.scope, bind),
    q.status?.length ? inArray(appointments.status, q.status.map((s, i) => bind(`status${i}`, s))) : undefined,
    q.from ? gte(appointments.startsAt, bind('from', new Date(q.from))) : undefined,
    q.to ? lt(appointments.startsAt, bind('to', new Date(q.to))) : undefined,
    q.doctorId ? eq(appointments.doctorId, bind('doctorId', q.doctorId)) : undefined,
    q.hospitalId ? eq(appointments.hospitalId, bind('hospitalId', q.hospitalId)) : undefined,
  );
  const key = `${scopeShape(ctx.scope)}|${bound.names}|${q.order}`;
  const { items: rows, total } = await paged(
    q,
    appointmentPage(
      ctx.db,
      key,
      () =>
        selectAppointments(ctx.db)
          .where(where)
          .orderBy(q.order === 'desc' ? desc(appointments.startsAt) : asc(appointments.startsAt))
          .limit(sql.placeholder('limit'))
          .offset(sql.placeholder('offset')),
      withFields(values, { limit: q.limit, offset: q.offset }),
    ),
    () => appointmentCount(ctx.db, key, () => ctx.db.select({ n: count() }).from(appointments).where(where), values),
  );
  if (isStaff(ctx.scope))
    await audit(ctx.db, ctx, { action: 'appointment.listed', hospitalId: ctx.actor.hospitalId ?? q.hospitalId ?? null, details: { count: rows.length } });
  return { items: rows.map((r) => presentAppointment(r, ctx)), total };
}

export async function getAppointment(ctx: ActorCtx, id: string): Promise<AppointmentDetail> {
  const row = await findAppointment(ctx.db, ctx.scope, id);
  if (!row) throw notFound('No such appointment');
  // Whoever opens (or has just acted on) their appointment has seen what its notifications say.
  if (partyOf(ctx.scope, row.appointment)) await markAppointmentNotificationsRead(ctx, id);
  else await audit(ctx.db, ctx, { action: 'appointment.viewed', hospitalId: row.appointment.hospitalId, entityType: 'appointment', entityId: id });
  return { ...presentAppointment(row, ctx), events: await eventsOf(ctx.db, id) };
}
