import { and, eq, sql } from 'drizzle-orm';
import { HOLDING_STATUSES } from '../../../contracts/appointments.js';
import { systemScope } from '../../access/scope.js';
import type { Tx } from '../../db/client.js';
import { appointmentEvents, appointments } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { toAppointment, toHospital } from '../../realtime/events.js';
import type { Outbox } from '../../realtime/outbox.js';
import { notify } from '../notifications/notify.js';
import { findAppointment, type AppointmentRow } from './appointments.queries.js';
import { doctorName, personName } from '../../../contracts/people.js';
import { formatInZone } from './format.js';
import { TRANSITIONS, type Action, type Party } from './lifecycle.js';
import { mailAboutChange } from '../mail/appointment-mail.js';
import type { Config } from '../../config.js';

type Patch = Partial<typeof appointments.$inferInsert>;

interface Step {
  party: Party;
  /** The installation's settings: the mail a change calls for is queued with it. */
  config: Config;
  actorId: string | null;
  reason?: string | null;
  /** When it happens (the clock's now). */
  at: Date;
}

export interface TransitionInput extends Step {
  row: AppointmentRow;
  action: Exclude<Action, 'request'>;
  patch?: Patch;
}

/** Whether an appointment in this status holds its time (the no-overlap constraints cover it). */
const holdsTime = (status: string) => (HOLDING_STATUSES as readonly string[]).includes(status);

/** The advisory locks of `holdTimeOf`: this class id, then a 32-bit key from a person's id (its four 32-bit words XORed). */
const TIME_LOCKS = 7_240_418;
const personKey = (id: string) => {
  const hex = id.replace(/-/g, '');
  let key = 0;
  for (let i = 0; i < 32; i += 8) key ^= parseInt(hex.slice(i, i + 8), 16) | 0;
  return key;
};

/**
 * Takes the doctor's and the patient's time for this transaction, before writing an appointment
 * that holds time. PostgreSQL checks the no-overlap constraints of two such writes made at once
 * by having each wait for the other's transaction, which deadlocks: 30 patients booking one slot
 * at once met it in CI, and the deadlock detector then failed one of them a second, with a 500
 * each. Waiting here instead lets one write at a time, and each one after the first meets a
 * committed row: a clear 409 at once. The keys are taken in one order (the lower first) so that
 * two bookings cannot each hold the lock the other needs; an existing appointment's row is
 * locked first, as every change of one does.
 */
async function holdTimeOf(tx: Tx, a: { id?: string; doctorId: string; patientId: string }) {
  if (a.id) await tx.select({ id: appointments.id }).from(appointments).where(eq(appointments.id, a.id)).for('update');
  const [first, second] = [personKey(a.doctorId), personKey(a.patientId)].sort((x, y) => x - y);
  await tx.execute(sql`select pg_advisory_xact_lock(${TIME_LOCKS}, ${first}::int), pg_advisory_xact_lock(${TIME_LOCKS}, ${second}::int)`);
}

/** The advisory lock (`pg_advisory_xact_lock(class, key)`) that holds a person's time: for tests. */
export const timeLockOf = (personId: string): [number, number] => [TIME_LOCKS, personKey(personId)];

/**
 * The one way an appointment changes status: checks the table, writes the change only if the
 * status is still what was read, and records it (`record`). The caller has already checked
 * timing and permissions (`refusal`).
 */
export async function applyTransition(tx: Tx, outbox: Outbox, t: TransitionInput): Promise<AppointmentRow> {
  const rule = TRANSITIONS[t.action];
  const a = t.row.appointment;
  if (!rule.from.includes(a.status) || !rule.by.includes(t.party)) throw new AppError('invalid_transition');
  if (holdsTime(rule.to)) await holdTimeOf(tx, a);
  const [updated] = await tx
    .update(appointments)
    .set({ ...t.patch, status: rule.to, updatedAt: t.at })
    .where(and(eq(appointments.id, a.id), eq(appointments.status, a.status)))
    .returning();
  if (!updated) throw new AppError('invalid_transition', 'The appointment changed meanwhile; reload it');
  const row = { ...t.row, appointment: updated };
  await record(tx, outbox, row, t.action, a.status, t, !!t.patch?.startsAt);
  return row;
}

/** An appointment comes to exist by the lifecycle's `request` transition, recorded like every other. */
export async function openAppointment(tx: Tx, outbox: Outbox, values: Omit<typeof appointments.$inferInsert, 'status'>, step: Step): Promise<AppointmentRow> {
  const rule = TRANSITIONS.request;
  if (!rule.by.includes(step.party)) throw new AppError('forbidden');
  await holdTimeOf(tx, values);
  const [created] = await tx.insert(appointments).values({ ...values, status: rule.to, createdAt: step.at, updatedAt: step.at }).returning({ id: appointments.id });
  // Read back with the names a notification needs; the row was made in this very transaction.
  const row = (await findAppointment(tx, systemScope('the appointment this transaction created'), created!.id))!;
  await record(tx, outbox, row, 'request', null, step, true);
  return row;
}

/**
 * The only writer of appointment events: who, when, why; the other party's notification; and
 * the events the sockets hear once the transaction has committed.
 */
async function record(tx: Tx, outbox: Outbox, row: AppointmentRow, action: Action, from: AppointmentRow['appointment']['status'] | null, step: Step, timeMoved: boolean) {
  const a = row.appointment;
  const rule = TRANSITIONS[action];
  await tx.insert(appointmentEvents).values({
    appointmentId: a.id,
    actorId: step.actorId,
    action,
    fromStatus: from,
    toStatus: rule.to,
    reason: step.reason ?? null,
    at: step.at,
  });
  await tellOthers(tx, outbox, row, action, step.party, step.reason ?? null);
  await mailAboutChange(tx, step.config, row, action, step.party, step.at);
  outbox.add(toAppointment(a.id, { type: 'appointment.changed', appointmentId: a.id, status: rule.to }));
  if (!holdsTime(rule.to) || timeMoved) outbox.add(slotsChanged(a));
}

async function tellOthers(tx: Tx, outbox: Outbox, row: AppointmentRow, action: Action, party: Party, reason: string | null) {
  const a = row.appointment;
  const when = formatInZone(a.startsAt, row.timezone);
  const rule = TRANSITIONS[action];
  const tail = reason ? ` Reason: ${reason}` : '';
  const base = { type: `appointment.${action}`, appointmentId: a.id };
  if (party === 'system') {
    for (const recipientId of [a.patientId, a.doctorId])
      await notify(tx, outbox, { ...base, recipientId, title: rule.notice, message: `Appointment of ${when}.${tail}` });
    return;
  }
  if (party === 'hospital') {
    for (const recipientId of [a.patientId, a.doctorId])
      await notify(tx, outbox, { ...base, recipientId, title: `${row.hospitalName} ${rule.notice}`, message: `Appointment of ${when}.${tail}` });
    return;
  }
  const [recipientId, actorName] = party === 'doctor' ? [a.patientId, doctorName(row.doctor)] : [a.doctorId, personName(row.patient)];
  const extra = action === 'approve' && a.fee > 0 ? ' Pay the fee to confirm it.' : '';
  await notify(tx, outbox, { ...base, recipientId, title: `${actorName} ${rule.notice}`, message: `Appointment of ${when}.${extra}${tail}` });
}

/** The doctor's free time changed: every slot list of theirs in the hospital should refresh. */
export const slotsChanged = (a: { hospitalId: string; doctorId: string }) => toHospital(a.hospitalId, { type: 'slots.changed', doctorId: a.doctorId });
