import { and, eq, gt, inArray, lte, max } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { appointmentEvents, appointments } from '../../db/schema/index.js';
import { scopeOf } from '../../access/scope.js';
import { selectAppointments, eventsOf, presentAppointment, type AppointmentRow } from '../appointments/appointments.queries.js';
import { appointmentIcs } from '../appointments/calendar.js';
import { queueMail } from './queue.js';
import { stillToSend } from './recipients.js';
import { appointmentLink, paymentDueMail, reminderMail } from './visit-mail.js';

/** A payment warning goes this long before an agreed visit's fee is due. */
export const PAYMENT_WARNING_MS = 6 * 3_600_000;

/**
 * Reminders before each confirmed visit, at each of REMINDER_OFFSETS before its start, to the
 * patient and the doctor. Of the offsets already due only the nearest is sent (a server that
 * was down does not send "in 24 hours" an hour before), none whose moment came before the visit
 * was confirmed, and each once: the dedupe key names the visit, its start and the offset, so a
 * moved visit gets reminders of its own and a second instance queues nothing twice.
 */
export async function queueReminders(ctx: Ctx): Promise<number> {
  const offsets = ctx.config.mail.reminderOffsetsMs;
  if (offsets.length === 0) return 0;
  const now = ctx.clock.now();
  const rows = await selectAppointments(ctx.db)
    .where(and(eq(appointments.status, 'confirmed'), gt(appointments.startsAt, now), lte(appointments.startsAt, new Date(now.getTime() + offsets[0]!))))
    .limit(500);
  const confirmed = await enteredTimes(ctx, rows.map((r) => r.appointment.id), 'confirmed');
  const due: { row: AppointmentRow; offset: number; recipientId: string; key: string }[] = [];
  for (const row of rows) {
    const a = row.appointment;
    const untilStart = a.startsAt.getTime() - now.getTime();
    const offset = Math.min(...offsets.filter((o) => o >= untilStart));
    const dueAt = a.startsAt.getTime() - offset;
    if (dueAt < (confirmed.get(a.id)?.getTime() ?? 0)) continue;
    for (const recipientId of [a.patientId, a.doctorId])
      due.push({ row, offset, recipientId, key: `reminder:${a.id}:${a.startsAt.toISOString()}:${offset / 60_000}m:${recipientId}` });
  }
  let queued = 0;
  for (const d of await stillToSend(ctx.db, due, 'reminders')) {
    const r = d.to;
    const a = d.row.appointment;
    const mail = reminderMail(d.row, r, d.offset, ctx.config.mail.linkBase);
    const detail = { ...presentAppointment(d.row, { scope: scopeOf({ role: r.role, userId: r.id, hospitalId: r.hospitalId }), config: ctx.config, clock: ctx.clock }), events: await eventsOf(ctx.db, a.id) };
    const ics = appointmentIcs(detail, r.id === a.doctorId ? 'doctor' : 'patient', appointmentLink(ctx.config.mail.linkBase, a.id), now);
    const ok = await queueMail(ctx.db, ctx.config, {
      kind: 'visit_reminder', to: r, hospitalId: a.hospitalId, appointmentId: a.id, dedupeKey: d.key,
      visit: { status: 'confirmed', startsAt: a.startsAt },
      attachments: [{ filename: 'visit.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics }],
      ...mail,
    }, now);
    if (ok) queued++;
  }
  return queued;
}

/** When each appointment last entered this status (a warning due before that moment is moot). */
async function enteredTimes(ctx: Ctx, ids: string[], status: 'confirmed' | 'scheduled') {
  if (ids.length === 0) return new Map<string, Date>();
  const rows = await ctx.db
    .select({ id: appointmentEvents.appointmentId, at: max(appointmentEvents.at) })
    .from(appointmentEvents)
    .where(and(inArray(appointmentEvents.appointmentId, ids), eq(appointmentEvents.toStatus, status)))
    .groupBy(appointmentEvents.appointmentId);
  return new Map(rows.filter((r) => r.at).map((r) => [r.id, new Date(r.at!)]));
}

/**
 * A patient whose agreed visit is still unpaid hears of it PAYMENT_WARNING_MS before the fee
 * is due (once per due time; not when the visit was agreed so late that the warning's moment
 * had passed: the approval mail said it already).
 */
export async function queuePaymentWarnings(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const rows = await selectAppointments(ctx.db)
    .where(and(eq(appointments.status, 'scheduled'), gt(appointments.fee, 0), gt(appointments.paymentDueAt, now), lte(appointments.paymentDueAt, new Date(now.getTime() + PAYMENT_WARNING_MS))))
    .limit(500);
  const ids = rows.map((r) => r.appointment.id);
  const scheduledAt = await enteredTimes(ctx, ids, 'scheduled');
  const due = rows
    .filter((row) => row.appointment.paymentDueAt!.getTime() - PAYMENT_WARNING_MS >= (scheduledAt.get(row.appointment.id)?.getTime() ?? 0))
    .map((row) => ({ row, recipientId: row.appointment.patientId, key: `payment-due:${row.appointment.id}:${row.appointment.paymentDueAt!.toISOString()}` }));
  let queued = 0;
  for (const { row, key, to: r } of await stillToSend(ctx.db, due, 'paymentDue')) {
    const a = row.appointment;
    const ok = await queueMail(ctx.db, ctx.config, {
      kind: 'payment_due', to: r, hospitalId: a.hospitalId, appointmentId: a.id, dedupeKey: key,
      visit: { status: 'scheduled', startsAt: a.startsAt },
      ...paymentDueMail(row, r, ctx.config.mail.linkBase),
    }, now);
    if (ok) queued++;
  }
  return queued;
}
