import type { Notification } from '../../../contracts/notifications.js';
import type { Tx } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { toUser } from '../../realtime/events.js';
import type { Outbox } from '../../realtime/outbox.js';

export type NotificationRow = typeof notifications.$inferSelect;

export const presentNotification = (n: NotificationRow): Notification => ({
  id: n.id,
  type: n.type,
  title: n.title,
  message: n.message,
  appointmentId: n.appointmentId,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

/** Stores an in-app notification and queues its live delivery for after the commit. */
export async function notify(
  tx: Tx,
  outbox: Outbox,
  n: { recipientId: string; type: string; title: string; message: string; appointmentId?: string },
) {
  const [row] = await tx.insert(notifications).values({ ...n, appointmentId: n.appointmentId ?? null }).returning();
  outbox.add(toUser(n.recipientId, { type: 'notification', notification: presentNotification(row!) }));
  return row!;
}
