import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CallSummary } from '../../../contracts/video.js';
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
    /** The call's room: random, so it cannot be guessed from the appointment id. */
    videoCallRoomId: uuid('video_call_room_id').notNull().defaultRandom(),
    videoCallStatus: videoCallStatusEnum('video_call_status').notNull().default('not_started'),
    /** The patient is in the call rather than in the waiting room (kept across reloads). */
    videoCallAdmitted: boolean('video_call_admitted').notNull().default(false),
    videoCallStartedAt: tstz('video_call_started_at'),
    videoCallEndedAt: tstz('video_call_ended_at'),
    /** Seconds from the start of the call to its end. */
    callDuration: integer('call_duration'),
    videoCallSummary: jsonb('video_call_summary').$type<CallSummary>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('appointments_doctor_starts_idx').on(t.doctorId, t.startsAt),
    index('appointments_patient_starts_idx').on(t.patientId, t.startsAt),
    index('appointments_hospital_starts_idx').on(t.hospitalId, t.startsAt),
    uniqueIndex('appointments_video_call_room_unique').on(t.videoCallRoomId),
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

/** What each side of a call measured, every few seconds: the call's quality summary is made of it. */
export const callStats = pgTable(
  'call_stats',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    at: createdAt(),
    rttMs: real('rtt_ms'),
    lossPct: real('loss_pct'),
    jitterMs: real('jitter_ms'),
    bitrateKbps: real('bitrate_kbps'),
    fps: real('fps'),
    width: integer('width'),
    height: integer('height'),
    reconnects: integer('reconnects').notNull().default(0),
  },
  (t) => [index('call_stats_appointment_idx').on(t.appointmentId, t.at)],
);
