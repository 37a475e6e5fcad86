import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appointments } from './appointments.js';
import { createdAt, id, tstz, updatedAt } from './columns.js';
import { appointmentStatusEnum } from './enums.js';
import { hospitals } from './hospitals.js';
import { users } from './users.js';

export const mailStatusEnum = pgEnum('mail_status', ['queued', 'sending', 'sent', 'failed', 'dropped']);

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * Outgoing mail, queued in the transaction of what it tells about and sent by the worker on
 * every instance (rows claimed under FOR UPDATE SKIP LOCKED). `dedupe_key` makes a mail that
 * must go once (a reminder, a chat digest) go once however many instances queue it. Bodies are
 * erased once a mail has left: its links (a reset token) must not outlive it here.
 */
export const outgoingMail = pgTable(
  'outgoing_mail',
  {
    id: id(),
    kind: text('kind').notNull(),
    recipientId: uuid('recipient_id').references(() => users.id, { onDelete: 'set null' }),
    hospitalId: uuid('hospital_id').references(() => hospitals.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body'),
    htmlBody: text('html_body'),
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    dedupeKey: text('dedupe_key'),
    appointmentId: uuid('appointment_id').references(() => appointments.id, { onDelete: 'cascade' }),
    /**
     * A mail that holds only while its visit does (a reminder, a payment warning) names the
     * status and start it was written for: if by its sending the visit was called off, paid or
     * moved, it is dropped instead.
     */
    visitStatus: appointmentStatusEnum('visit_status'),
    visitStartsAt: tstz('visit_starts_at'),
    status: mailStatusEnum('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    claimedUntil: tstz('claimed_until'),
    sentAt: tstz('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('outgoing_mail_dedupe_unique').on(t.dedupeKey),
    index('outgoing_mail_due_idx').on(t.nextAttemptAt).where(sql`${t.status} in ('queued', 'sending')`),
    index('outgoing_mail_recipient_idx').on(t.recipientId, t.createdAt),
  ],
);

/** What a person chooses to be mailed about (no row: everything), and the zone times are written in. */
export const mailPreferences = pgTable('mail_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  reminders: boolean('reminders').notNull().default(true),
  appointmentUpdates: boolean('appointment_updates').notNull().default(true),
  cancellations: boolean('cancellations').notNull().default(true),
  paymentDue: boolean('payment_due').notNull().default(true),
  chatMessages: boolean('chat_messages').notNull().default(true),
  timeZone: text('time_zone'),
  updatedAt: updatedAt(),
});
