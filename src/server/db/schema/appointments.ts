import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from './columns.js';
import { appointmentStatusEnum, videoCallStatusEnum } from './enums.js';
import { hospitals } from './hospitals.js';
import { users } from './users.js';

/**
 * A visit. [starts_at, ends_at) is the time it holds: the requested time, or the doctor's
 * proposal while `pending`. Overlaps are excluded in SQL (see the btree_gist migration).
 */
export const appointments = pgTable(
  'appointments',
  {
    id: id(),
    hospitalId: uuid('hospital_id')
      .notNull()
      .references(() => hospitals.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => users.id),
    doctorId: uuid('doctor_id')
      .notNull()
      .references(() => users.id),
    status: appointmentStatusEnum('status').notNull().default('requested'),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    /** The patient's original request while a proposal is pending. */
    requestedStartsAt: tstz('requested_starts_at'),
    requestedEndsAt: tstz('requested_ends_at'),
    symptoms: text('symptoms').notNull().default(''),
    notes: text('notes'),
    proposalNote: text('proposal_note'),
    rejectionReason: text('rejection_reason'),
    cancellationReason: text('cancellation_reason'),
    /** The hospital's fee in paisa at the time of booking. */
    fee: integer('fee').notNull().default(0),
    paymentDueAt: tstz('payment_due_at'),
    videoRoomId: uuid('video_room_id').notNull().defaultRandom(),
    videoCallStatus: videoCallStatusEnum('video_call_status').notNull().default('not_started'),
    callStartedAt: tstz('call_started_at'),
    callEndedAt: tstz('call_ended_at'),
    callDurationSeconds: integer('call_duration_seconds'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('appointments_doctor_starts_idx').on(t.doctorId, t.startsAt),
    index('appointments_patient_starts_idx').on(t.patientId, t.startsAt),
    index('appointments_hospital_starts_idx').on(t.hospitalId, t.startsAt),
    check('appointments_range', sql`${t.endsAt} > ${t.startsAt}`),
    check('appointments_fee', sql`${t.fee} >= 0`),
  ],
);

/** Every status change, with who, when and why. */
export const appointmentEvents = pgTable(
  'appointment_events',
  {
    id: id(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    fromStatus: appointmentStatusEnum('from_status'),
    toStatus: appointmentStatusEnum('to_status').notNull(),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: createdAt(),
    /** Orders events written in one transaction, which share one `now()`. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [index('appointment_events_appointment_idx').on(t.appointmentId, t.seq)],
);
