import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
