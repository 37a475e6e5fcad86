import { and, gt, inArray, isNull, lte, min } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { appointments, chatMessages } from '../../db/schema/index.js';
import { selectAppointments } from '../appointments/appointments.queries.js';
import { queueMail } from './queue.js';
import { stillToSend } from './recipients.js';
import { chatUnreadMail } from './visit-mail.js';

/** A message nobody has read this long is mailed about. */
export const CHAT_UNREAD_MS = 15 * 60_000;
/** Older unread messages are not mailed about any more (someone who has not looked in a week knows). */
const LOOK_BACK_MS = 7 * 86_400_000;

/**
 * One mail per conversation, not per message: when the other side has left messages unread
 * for 15 minutes, the recipient gets one mail naming the appointment (never the text). The
 * dedupe key names the first unread message, so further messages in the same unread stretch
 * add nothing, and a stretch that starts after the person read the last one gets its own.
 */
export async function queueChatDigests(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const stretches = await ctx.db
    .select({ appointmentId: chatMessages.appointmentId, senderId: chatMessages.senderId, firstSeq: min(chatMessages.seq) })
    .from(chatMessages)
    .where(and(isNull(chatMessages.readAt), lte(chatMessages.createdAt, new Date(now.getTime() - CHAT_UNREAD_MS)), gt(chatMessages.createdAt, new Date(now.getTime() - LOOK_BACK_MS))))
    .groupBy(chatMessages.appointmentId, chatMessages.senderId)
    .limit(500);
  if (stretches.length === 0) return 0;
  const rows = await selectAppointments(ctx.db).where(inArray(appointments.id, [...new Set(stretches.map((s) => s.appointmentId))]));
  const byId = new Map(rows.map((r) => [r.appointment.id, r]));
  const due = stretches.flatMap((s) => {
    const row = byId.get(s.appointmentId);
    if (!row) return [];
    const a = row.appointment;
    // Only the two parties write; the one who did not send this stretch is its reader.
    const recipientId = s.senderId === a.patientId ? a.doctorId : s.senderId === a.doctorId ? a.patientId : null;
    return recipientId ? [{ row, recipientId, key: `chat:${a.id}:${recipientId}:${s.firstSeq}` }] : [];
  });
  let queued = 0;
  for (const d of await stillToSend(ctx.db, due, 'chatMessages')) {
    const r = d.to;
    const a = d.row.appointment;
    const ok = await queueMail(ctx.db, ctx.config, { kind: 'chat_unread', to: r, hospitalId: a.hospitalId, appointmentId: a.id, dedupeKey: d.key, ...chatUnreadMail(d.row, r, ctx.config.mail.linkBase) }, now);
    if (ok) queued++;
  }
  return queued;
}
