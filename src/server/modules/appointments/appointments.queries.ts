import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Appointment, AppointmentDetail } from '../../../contracts/appointments.js';
import type { ActorCtx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { appointmentEvents, appointments, doctorProfiles, hospitals, users } from '../../db/schema/index.js';
import { actingPartyOf, appointmentRows } from '../../access/appointments.policy.js';
import type { Scope } from '../../access/scope.js';
import { availableActions } from './lifecycle.js';

const doctor = alias(users, 'doctor');
const patient = alias(users, 'patient');

export const appointmentColumns = {
  appointment: appointments,
  hospitalName: hospitals.name,
  timezone: hospitals.timezone,
  refundFullUntilHours: hospitals.refundFullUntilHours,
  doctor: { id: doctor.id, firstName: doctor.firstName, lastName: doctor.lastName, specialization: doctorProfiles.specialization },
  patient: { id: patient.id, firstName: patient.firstName, lastName: patient.lastName },
};

/** Appointments with the names a page shows. Add `appointmentRows(scope)` to the where clause, always. */
export const selectAppointments = (tx: Tx) =>
  tx
    .select(appointmentColumns)
    .from(appointments)
    .innerJoin(hospitals, eq(hospitals.id, appointments.hospitalId))
    .innerJoin(doctor, eq(doctor.id, appointments.doctorId))
    .innerJoin(doctorProfiles, eq(doctorProfiles.userId, appointments.doctorId))
    .innerJoin(patient, eq(patient.id, appointments.patientId))
    .$dynamic();

export type AppointmentRow = Awaited<ReturnType<ReturnType<typeof selectAppointments>['execute']>>[number];

/** The appointment if this scope may see it (optionally locked for an update); otherwise none. */
export async function findAppointment(tx: Tx, scope: Scope, id: string, lock = false) {
  const q = selectAppointments(tx).where(and(eq(appointments.id, id), appointmentRows(scope)));
  const [row] = await (lock ? q.for('update', { of: appointments }) : q);
  return row;
}

export function presentAppointment(row: AppointmentRow, { scope, config, clock }: Pick<ActorCtx, 'scope' | 'config' | 'clock'>): Appointment {
  const a = row.appointment;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: a.id,
    hospitalId: a.hospitalId,
    hospitalName: row.hospitalName,
    timezone: row.timezone,
    status: a.status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    requestedStartsAt: a.status === 'pending' ? iso(a.requestedStartsAt) : null,
    symptoms: a.symptoms,
    notes: a.notes,
    proposalNote: a.proposalNote,
    rejectionReason: a.rejectionReason,
    cancellationReason: a.cancellationReason,
    fee: a.fee,
    paymentDueAt: iso(a.paymentDueAt),
    refundFullUntilHours: row.refundFullUntilHours,
    doctor: row.doctor,
    patient: row.patient,
    videoCallStatus: a.videoCallStatus,
    videoCallStartedAt: iso(a.videoCallStartedAt),
    videoCallEndedAt: iso(a.videoCallEndedAt),
    callDuration: a.callDuration,
    videoCallSummary: scope.kind === 'user' && scope.role === 'patient' ? null : (a.videoCallSummary ?? null),
    actions: availableActions(a.status, actingPartyOf(scope, a), { now: clock.now().getTime(), startsAt: a.startsAt.getTime(), cancelCutoffMs: config.appointments.cancelCutoffMs }),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export async function eventsOf(tx: Tx, appointmentId: string): Promise<AppointmentDetail['events']> {
  const rows = await tx
    .select({ e: appointmentEvents, firstName: users.firstName, lastName: users.lastName, role: users.role })
    .from(appointmentEvents)
    .leftJoin(users, eq(users.id, appointmentEvents.actorId))
    .where(eq(appointmentEvents.appointmentId, appointmentId))
    .orderBy(asc(appointmentEvents.seq));
  return rows.map(({ e, firstName, lastName, role }) => ({
    at: e.at.toISOString(),
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorId: e.actorId,
    actorName: firstName ? `${firstName} ${lastName}` : null,
    actorRole: role ?? null,
    reason: e.reason,
  }));
}
