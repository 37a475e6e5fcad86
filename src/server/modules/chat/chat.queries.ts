import { and, count, eq, isNull, ne, or } from 'drizzle-orm';
import type { ChatMessage } from '../../../contracts/chat.js';
import type { Tx } from '../../db/client.js';
import { appointments, chatMessages } from '../../db/schema/index.js';

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

/** Messages others sent to `userId` that they have not read yet, per appointment. */
export async function unreadFor(tx: Tx, userId: string) {
  const rows = await tx
    .select({ appointmentId: chatMessages.appointmentId, unread: count() })
    .from(chatMessages)
    .innerJoin(appointments, eq(appointments.id, chatMessages.appointmentId))
    .where(
      and(
        isNull(chatMessages.readAt),
        ne(chatMessages.senderId, userId),
        or(eq(appointments.patientId, userId), eq(appointments.doctorId, userId)),
      ),
    )
    .groupBy(chatMessages.appointmentId);
  const byAppointment = rows.map((r) => ({ appointmentId: r.appointmentId, unread: Number(r.unread) }));
  return { total: byAppointment.reduce((n, r) => n + r.unread, 0), byAppointment };
}
