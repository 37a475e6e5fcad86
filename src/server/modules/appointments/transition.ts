import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { appointmentEvents, appointments } from '../../db/schema/index.js';
import { AppError } from '../../plugins/errors.js';
import type { Outbox } from '../../realtime/outbox.js';
import { notify } from '../notifications/notify.js';
import { formatInZone, fullName } from './format.js';
import type { AppointmentRow } from './appointments.queries.js';
import { HOLDING_STATUSES } from '../../../contracts/appointments.js';
import { TRANSITIONS, type Action, type Party } from './lifecycle.js';

type Patch = Partial<typeof appointments.$inferInsert>;

export interface TransitionInput {
  row: AppointmentRow;
  action: Action;
  party: Party;
  actorId: string | null;
  patch?: Patch;
  reason?: string | null;
  /** When it happens (the clock's now). */
  at: Date;
}

/**
 * The one way an appointment changes status: checks the table, writes the change only if the
 * status is still what was read, records who/when/why, and notifies the people concerned.
 * The caller has already checked timing and permissions (`refusal`).
 */
export async function applyTransition(tx: Tx, outbox: Outbox, t: TransitionInput): Promise<AppointmentRow> {
  const rule = TRANSITIONS[t.action];
  const a = t.row.appointment;
  if (!rule.from.includes(a.status) || !rule.by.includes(t.party)) throw new AppError(409, 'invalid_transition');
  const [updated] = await tx
    .update(appointments)
    .set({ ...t.patch, status: rule.to, updatedAt: t.at })
    .where(and(eq(appointments.id, a.id), eq(appointments.status, a.status)))
    .returning();
  if (!updated) throw new AppError(409, 'invalid_transition', 'The appointment changed meanwhile; reload it');
  await tx.insert(appointmentEvents).values({
    appointmentId: a.id,
    actorId: t.actorId,
    action: t.action,
    fromStatus: a.status,
    toStatus: rule.to,
    reason: t.reason ?? null,
  });
  const row = { ...t.row, appointment: updated };
  await tellOthers(tx, outbox, row, t.action, t.party, t.reason ?? null);
  outbox.add({ topic: `appointment:${a.id}`, payload: { type: 'appointment.changed', appointmentId: a.id, status: rule.to } });
  const holds = (HOLDING_STATUSES as readonly string[]).includes(rule.to);
  if (!holds || t.patch?.startsAt) outbox.add(slotsChanged(a));
  return row;
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
  const [recipientId, actorName] = party === 'doctor' ? [a.patientId, `Dr. ${fullName(row.doctor)}`] : [a.doctorId, fullName(row.patient)];
  const extra = action === 'approve' && a.fee > 0 ? ' Pay the fee to confirm it.' : '';
  await notify(tx, outbox, { ...base, recipientId, title: `${actorName} ${rule.notice}`, message: `Appointment of ${when}.${extra}${tail}` });
}

/** The doctor's free time changed: every slot list of theirs in the hospital should refresh. */
export const slotsChanged = (a: { hospitalId: string; doctorId: string }) => ({
  topic: `hospital:${a.hospitalId}`,
  payload: { type: 'slots.changed' as const, doctorId: a.doctorId },
});
