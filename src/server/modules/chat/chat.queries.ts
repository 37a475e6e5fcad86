import { and, eq, gt } from 'drizzle-orm';
import type { ChatMessage } from '../../../contracts/chat.js';
import type { Tx } from '../../db/client.js';
import { chatMessages, chatUnread } from '../../db/schema/index.js';

export type MessageRow = typeof chatMessages.$inferSelect;

export const presentMessage = (m: MessageRow): ChatMessage => ({
  id: m.id,
  appointmentId: m.appointmentId,
  senderId: m.senderId,
  clientId: m.clientId,
  seq: m.seq,
  text: m.body,
  attachment: m.attachmentFile
    ? { name: m.attachmentName!, type: m.attachmentType!, size: m.attachmentSize!, url: `/api/appointments/${m.appointmentId}/messages/${m.id}/attachment` }
    : null,
  deliveredAt: m.deliveredAt?.toISOString() ?? null,
  readAt: m.readAt?.toISOString() ?? null,
  createdAt: m.createdAt.toISOString(),
});

/** Messages others sent to `userId` that they have not read yet, per appointment (counted by a trigger: migration 0005). */
export async function unreadFor(tx: Tx, userId: string) {
  const byAppointment = await tx
    .select({ appointmentId: chatUnread.appointmentId, unread: chatUnread.unread })
    .from(chatUnread)
    .where(and(eq(chatUnread.userId, userId), gt(chatUnread.unread, 0)));
  return { total: byAppointment.reduce((n, r) => n + r.unread, 0), byAppointment };
}
