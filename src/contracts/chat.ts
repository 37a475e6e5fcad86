import { z } from 'zod';
import { Id, IsoDateTime, text } from './common.js';

export const ChatAttachment = z.object({
  name: z.string(),
  type: z.string(),
  size: z.number().int(),
  url: z.string(),
});

export const ChatMessage = z.object({
  id: Id,
  appointmentId: Id,
  senderId: Id,
  /** The sender's own id for the message, so a client can match its acknowledgment. */
  clientId: z.string().nullable(),
  /** Orders messages; history pages and reconnection catch-up go by it. */
  seq: z.number().int(),
  text: z.string(),
  attachment: ChatAttachment.nullable(),
  deliveredAt: IsoDateTime.nullable(),
  readAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ClientMessageId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const ChatText = text().trim().min(1, 'Write a message').max(4000, 'Keep messages under 4000 characters');

export const SendMessageBody = z.object({ text: ChatText, clientId: ClientMessageId.optional() });

export const HistoryQuery = z.object({
  /** Messages older than this seq (paging back), newest first. */
  before: z.coerce.number().int().positive().optional(),
  /** Messages newer than this seq (catching up after a reconnect), oldest first. */
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ChatHistory = z.object({
  items: z.array(ChatMessage),
  /** Whether more lie beyond the page in the direction asked. */
  hasMore: z.boolean(),
  canWrite: z.boolean(),
  /** The largest attachment the server takes, so the browser can say so before uploading. */
  maxAttachmentBytes: z.number().int(),
});
export type ChatHistory = z.infer<typeof ChatHistory>;

export const ReadBody = z.object({ upToSeq: z.number().int().min(0) });

export const UnreadCounts = z.object({
  total: z.number().int(),
  byAppointment: z.array(z.object({ appointmentId: Id, unread: z.number().int() })),
});
export type UnreadCounts = z.infer<typeof UnreadCounts>;

/** Accepted attachment types, checked against the file's bytes. */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf', 'application/dicom'] as const;
