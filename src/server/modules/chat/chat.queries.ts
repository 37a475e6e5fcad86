import { and, eq, gt } from 'drizzle-orm';
import { anyOf } from '../../db/any.js';
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

export interface UnreadCounts {
  total: number;
  byAppointment: { appointmentId: string; unread: number }[];
}

/** Messages others sent to each person that they have not read yet, per appointment (counted by a trigger: migration 0005). */
export async function unreadFor(tx: Tx, userIds: string[]): Promise<Map<string, UnreadCounts>> {
  const rows = await tx
    .select({ userId: chatUnread.userId, appointmentId: chatUnread.appointmentId, unread: chatUnread.unread })
    .from(chatUnread)
    .where(and(anyOf(chatUnread.userId, userIds, 'uuid'), gt(chatUnread.unread, 0)));
  const out = new Map(userIds.map((id): [string, UnreadCounts] => [id, { total: 0, byAppointment: [] }]));
  for (const { userId, appointmentId, unread } of rows) {
    const counts = out.get(userId)!;
    counts.total += unread;
    counts.byAppointment.push({ appointmentId, unread });
  }
  return out;
}
