import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { ChatHistory, ChatMessage } from '../../../contracts/chat.js';
import type { ActorCtx, Ctx } from '../../context.js';
import { rowsOf, type Tx } from '../../db/client.js';
import { appointments, chatMessages } from '../../db/schema/index.js';
import type { SpooledFile } from '../../files/spool.js';
import { AppError, notFound } from '../../errors.js';
import { audit } from '../audit/audit.js';
import { appointmentRows } from '../../access/appointments.policy.js';
import { chatAccess, type ChatAccess } from '../../access/chat.policy.js';
import { toAppointment, toUser } from '../../realtime/events.js';
import { afterWrites, type Outbox } from '../../realtime/outbox.js';
import { presentMessage, unreadFor, type MessageRow, type UnreadCounts } from './chat.queries.js';
import { anyOf } from '../../db/any.js';
import { allOk, perTurn, togetherOrAlone } from '../../db/per-turn.js';
import { withFields } from '../../fields.js';

/**
 * The appointment and what this person may do with its chat; another's chat does not exist.
 * The one access check of the chat, for requests and sockets alike.
 */
export async function chatOf(ctx: ActorCtx, appointmentId: string, known?: Appointment) {
  // A chat socket knows its appointment (read at the upgrade and on each re-check): no query then.
  const [appointment] = known ? [known] : await ctx.db.select().from(appointments).where(and(eq(appointments.id, appointmentId), appointmentRows(ctx.scope)));
  if (!appointment) throw notFound('No such appointment');
  return { appointment, access: chatAccess(appointment, ctx.scope, ctx.config, ctx.clock.now()) };
}

type Appointment = typeof appointments.$inferSelect;

/** Only the patient and the doctor write, and only while the chat is open. */
export function assertMayWrite(access: ChatAccess, what = 'write in this chat') {
  if (!access.participant) throw new AppError('forbidden', `Only the patient and the doctor ${what}`);
  if (!access.canWrite) throw new AppError('chat_closed');
}

/** One budget of messages per person, whether sent over HTTP or a socket. */
function spendChatBudget(ctx: ActorCtx) {
  const wait = ctx.limits.chatSends.take(ctx.actor.userId);
  if (wait > 0) throw new AppError('rate_limited', `You are sending messages too quickly: wait ${wait} seconds`, { retryAfterSeconds: wait });
}

export interface NewMessage {
  text: string;
  clientId?: string;
  /** Received and type-checked by the route (plugins/multipart.ts). */
  attachment?: SpooledFile;
}

/**
 * Stores a message, then broadcasts it: a message is never shown as sent unless it is stored.
 * A retried send with the same client id returns the stored message and is not broadcast twice.
 */
export async function sendMessage(ctx: ActorCtx, appointmentId: string, input: NewMessage, known?: Appointment): Promise<ChatMessage> {
  const { appointment, access } = await chatOf(ctx, appointmentId, known);
  assertMayWrite(access);
  spendChatBudget(ctx);
  let file: { name: string; type: string; size: number; original: string } | null = null;
  if (input.attachment) {
    const { type, size, filename } = input.attachment;
    file = { name: await ctx.files.put('attachments', input.attachment), type, size, original: safeName(filename) };
  }
  let stored: MessageRow | undefined;
  try {
    const row: NewRow = {
      id: randomUUID(),
      appointmentId,
      senderId: ctx.actor.userId,
      clientId: input.clientId ?? null,
      body: input.text,
      attachmentFile: file?.name ?? null,
      attachmentName: file?.original ?? null,
      attachmentType: file?.type ?? null,
      attachmentSize: file?.size ?? null,
      // The app's clock, like every other time: how long a message stays unread is measured from it.
      createdAt: ctx.clock.now(),
    };
    // A file is counted against the quota in the same transaction; a text message is stored with
    // the others sent in the same moment, by one statement.
    stored = file
      ? await ctx.db.transaction(async (tx) => {
          await withinAttachmentQuota(tx, ctx, appointmentId, file!.size);
          return (await insertMessages(tx, [row]))[0];
        })
      : await storeMessage(ctx.db, row);
  } catch (e) {
    if (file) await ctx.files.remove('attachments', file.name);
    throw e;
  }
  if (!stored) {
    // A retry of a message already stored: answer with it, broadcast nothing new.
    if (file) await ctx.files.remove('attachments', file.name);
    const [existing] = await ctx.db
      .select()
      .from(chatMessages)
      .where(and(eq(chatMessages.appointmentId, appointmentId), eq(chatMessages.senderId, ctx.actor.userId), eq(chatMessages.clientId, input.clientId!)));
    return presentMessage(existing!);
  }
  const message = presentMessage(stored!);
  ctx.metrics.chatMessage();
  // Stored (and committed: a single statement, or the quota's transaction) before anyone hears of it.
  return afterWrites(ctx, async (db, outbox) => {
    outbox.add(toAppointment(appointmentId, { type: 'chat.message', message }));
    const recipient = appointment.patientId === ctx.actor.userId ? appointment.doctorId : appointment.patientId;
    await queueUnread(db, outbox, recipient, appointmentId);
    return message;
  });
}

/**
 * What one conversation may hold in files. The appointment row is locked meanwhile, so two
 * uploads at once cannot both take the last place.
 */
async function withinAttachmentQuota(tx: Tx, ctx: Ctx, appointmentId: string, size: number) {
  const { attachmentsPerAppointment: maxFiles, attachmentQuotaBytes: maxBytes } = ctx.config.chat;
  await tx.select({ id: appointments.id }).from(appointments).where(eq(appointments.id, appointmentId)).for('update');
  const [held] = await tx
    .select({ files: count(), bytes: sql<number>`coalesce(sum(${chatMessages.attachmentSize}), 0)::int` })
    .from(chatMessages)
    .where(and(eq(chatMessages.appointmentId, appointmentId), isNotNull(chatMessages.attachmentFile)));
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (held!.files + 1 > maxFiles || held!.bytes + size > maxBytes)
    throw new AppError('attachment_quota_exceeded', `A conversation holds at most ${maxFiles} files and ${mb(maxBytes)}; this one has ${held!.files} files, ${mb(held!.bytes)}`);
}

/** Keeps only characters that are safe in a Content-Disposition header and a file system. */
function safeName(name: string): string {
  const cleaned = name.normalize('NFC').replace(/[^\p{L}\p{N} ._()-]/gu, '_').replace(/^\.+/, '').slice(0, 120).trim();
  return cleaned || 'attachment';
}

export async function history(ctx: ActorCtx, appointmentId: string, q: { before?: number; after?: number; limit: number }): Promise<ChatHistory> {
  const { appointment, access } = await chatOf(ctx, appointmentId);
  if (!access.participant)
    await audit(ctx.db, ctx, { action: 'chat.viewed', hospitalId: appointment.hospitalId, entityType: 'appointment', entityId: appointmentId });
  const forward = q.after !== undefined;
  const rows = await ctx.db
    .select()
    .from(chatMessages)
    .where(
      and(
        eq(chatMessages.appointmentId, appointmentId),
        q.before !== undefined ? lt(chatMessages.seq, q.before) : undefined,
        forward ? gt(chatMessages.seq, q.after!) : undefined,
      ),
    )
    .orderBy(forward ? asc(chatMessages.seq) : desc(chatMessages.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  // What a participant fetched has reached them: mark the other side's messages delivered.
  const undelivered = page.filter((m) => m.senderId !== ctx.actor.userId && !m.deliveredAt).map((m) => m.id);
  if (access.participant && undelivered.length) {
    await markDelivered(ctx, appointmentId, ctx.actor.userId, undelivered);
    const now = ctx.clock.now();
    for (const m of page) if (undelivered.includes(m.id)) m.deliveredAt = now;
  }
  return { items: page.map(presentMessage), hasMore: rows.length > q.limit, canWrite: access.canWrite, maxAttachmentBytes: ctx.config.chat.attachmentMaxBytes };
}

/** A message as sent: its sequence number comes from the insert, and nobody has received it yet. */
type NewRow = Omit<MessageRow, 'seq' | 'deliveredAt' | 'readAt'>;

/**
 * Stores messages; a retry (same client id) is not stored again and answers undefined.
 * One statement whatever the number of rows, the rows one JSON parameter: its text never changes,
 * so each connection prepares it once, and nothing is built per message. Built by drizzle (a
 * parameter per value, every returned column mapped), the insert was a fifth of a burst's CPU.
 * Only the ids and sequence numbers come back: the rest is what was sent.
 */
async function insertMessages(db: Tx, rows: NewRow[]): Promise<(MessageRow | undefined)[]> {
  const json = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      appointment_id: r.appointmentId,
      sender_id: r.senderId,
      client_id: r.clientId,
      body: r.body,
      attachment_file: r.attachmentFile,
      attachment_name: r.attachmentName,
      attachment_type: r.attachmentType,
      attachment_size: r.attachmentSize,
      created_at: r.createdAt,
    })),
  );
  const stored = rowsOf<{ id: string; seq: string | number }>(await db.execute(sql`insert into chat_messages (id, appointment_id, sender_id, client_id, body, attachment_file, attachment_name, attachment_type, attachment_size, created_at)
    select * from json_to_recordset(${json}::json) as m(id uuid, appointment_id uuid, sender_id uuid, client_id text, body text, attachment_file text, attachment_name text, attachment_type text, attachment_size integer, created_at timestamptz)
    on conflict (appointment_id, sender_id, client_id) do nothing
    returning id, seq`));
  const seqOf = new Map(stored.map((r) => [r.id, Number(r.seq)]));
  return rows.map((r) => {
    const seq = seqOf.get(r.id);
    return seq === undefined ? undefined : withFields(r, { seq, deliveredAt: null, readAt: null });
  });
}

const storeMessage = perTurn<NewRow, MessageRow | undefined>((db, rows) => togetherOrAlone(rows, (some) => insertMessages(db, some)));

/**
 * Marks the other party's messages up to `upToSeq` as read (and delivered), and tells the
 * sender. Returns how many changed.
 */
export async function markRead(ctx: ActorCtx, appointmentId: string, upToSeq: number, known?: Appointment) {
  const { access } = await chatOf(ctx, appointmentId, known);
  if (!access.participant) throw new AppError('forbidden', 'Only the patient and the doctor mark messages read');
  return afterWrites(ctx, async (db, outbox) => {
    const now = ctx.clock.now();
    const changed = await db
      .update(chatMessages)
      .set({ readAt: now, deliveredAt: now })
      .where(and(eq(chatMessages.appointmentId, appointmentId), ne(chatMessages.senderId, ctx.actor.userId), isNull(chatMessages.readAt), lte(chatMessages.seq, upToSeq)))
      .returning({ id: chatMessages.id });
    if (changed.length) {
      outbox.add(receipt(appointmentId, changed, now, now));
      await queueUnread(db, outbox, ctx.actor.userId, appointmentId);
    }
    return { marked: changed.length };
  });
}

/** A recipient's socket received these messages: mark them delivered once and tell the sender. */
export async function markDelivered(ctx: Ctx, appointmentId: string, recipientId: string, messageIds: string[]) {
  await afterWrites(ctx, async (db, outbox) => {
    const now = ctx.clock.now();
    const changed = await db
      .update(chatMessages)
      .set({ deliveredAt: now })
      .where(and(inArray(chatMessages.id, messageIds), eq(chatMessages.appointmentId, appointmentId), ne(chatMessages.senderId, recipientId), isNull(chatMessages.deliveredAt)))
      .returning({ id: chatMessages.id });
    if (changed.length) outbox.add(receipt(appointmentId, changed, now, null));
  });
}

/**
 * A socket received a message: written with every other delivery of the same turn of the event
 * loop (one update for a burst, not one per message), then receipted. Nobody waits for it.
 */
export function noteDelivered(ctx: Ctx, messageId: string) {
  void recordDelivered(ctx.db, { ctx, messageId });
}

const recordDelivered = perTurn<{ ctx: Ctx; messageId: string }, void>(async (_db, noted) => {
  const { ctx } = noted[0]!;
  await writeDeliveries(ctx, [...new Set(noted.map((n) => n.messageId))]).catch((err) => ctx.log.error({ err }, 'delivery receipts failed'));
  return allOk(noted.length, undefined);
});

async function writeDeliveries(ctx: Ctx, ids: string[]) {
  await afterWrites(ctx, async (db, outbox) => {
    const now = ctx.clock.now();
    // The ids come from our own events, each heard by a socket of the other side.
    const changed = await db
      .update(chatMessages)
      .set({ deliveredAt: now })
      .where(and(anyOf(chatMessages.id, ids, 'uuid'), isNull(chatMessages.deliveredAt)))
      .returning({ id: chatMessages.id, appointmentId: chatMessages.appointmentId });
    const byAppointment = new Map<string, { id: string }[]>();
    for (const c of changed) byAppointment.set(c.appointmentId, [...(byAppointment.get(c.appointmentId) ?? []), c]);
    for (const [appointmentId, rows] of byAppointment) outbox.add(receipt(appointmentId, rows, now, null));
  });
}

const receipt = (appointmentId: string, changed: { id: string }[], deliveredAt: Date, readAt: Date | null) =>
  toAppointment(appointmentId, {
    type: 'chat.receipt',
    receipt: { appointmentId, messageIds: changed.map((c) => c.id), deliveredAt: deliveredAt.toISOString(), readAt: readAt?.toISOString() ?? null },
  });

/** The person's unread counts, for their header, once what changed them has committed. */
async function queueUnread(db: Tx, outbox: Outbox, userId: string, appointmentId: string) {
  const counts = await unreadOf(db, userId);
  const unread = counts.byAppointment.find((c) => c.appointmentId === appointmentId)?.unread ?? 0;
  outbox.add(toUser(userId, { type: 'chat.unread', appointmentId, unread, total: counts.total }));
}

/** Everyone's whose counts changed in the same moment, read by one query. */
const unreadOf = perTurn<string, UnreadCounts>(async (db, userIds) => {
  const counts = await unreadFor(db, [...new Set(userIds)]);
  return userIds.map((id) => ({ ok: counts.get(id)! }));
});

export const unreadCounts = async (ctx: ActorCtx) => (await unreadFor(ctx.db, [ctx.actor.userId])).get(ctx.actor.userId)!;

export async function openAttachment(ctx: ActorCtx, appointmentId: string, messageId: string) {
  const { appointment, access } = await chatOf(ctx, appointmentId);
  const [m] = await ctx.db.select().from(chatMessages).where(and(eq(chatMessages.id, messageId), eq(chatMessages.appointmentId, appointmentId)));
  if (!m?.attachmentFile) throw notFound('No such attachment');
  if (!access.participant)
    await audit(ctx.db, ctx, { action: 'chat.attachment_viewed', hospitalId: appointment.hospitalId, entityType: 'chat_message', entityId: messageId });
  return { stream: await ctx.files.open('attachments', m.attachmentFile), type: m.attachmentType!, name: m.attachmentName!, size: m.attachmentSize! };
}
