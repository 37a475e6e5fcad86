import { bigint, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, tstz } from './columns.js';
import { appointments } from './appointments.js';
import { users } from './users.js';

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: id(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id),
    /** The sender's own id for the message, so a retried send is stored once (per appointment). */
    clientId: text('client_id'),
    body: text('body').notNull().default(''),
    attachmentFile: text('attachment_file'),
    attachmentName: text('attachment_name'),
    attachmentType: text('attachment_type'),
    attachmentSize: integer('attachment_size'),
    /** Monotonic per installation: orders history and lets a client resume without gaps. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    deliveredAt: tstz('delivered_at'),
    readAt: tstz('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('chat_messages_appointment_seq_idx').on(t.appointmentId, t.seq),
    uniqueIndex('chat_messages_client_id_unique').on(t.appointmentId, t.senderId, t.clientId),
    // What the mail scheduler looks for: messages nobody has read yet.
    index('chat_messages_unread_idx').on(t.createdAt).where(sql`${t.readAt} is null`),
  ],
);

/**
 * How many messages each participant has not read, per appointment. Kept by a trigger on
 * chat_messages (migration 0005): counting unread messages is one indexed read whatever the
 * size of the history.
 */
export const chatUnread = pgTable(
  'chat_unread',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    unread: integer('unread').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.appointmentId] })],
);
