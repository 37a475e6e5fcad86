import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { NotificationList } from '../../../contracts/notifications.js';
import type { ActorCtx } from '../../context.js';
import { notifications } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { ownedBy, scopeShape, type Bind } from '../../access/scope.js';
import { Bindings, preparedByShape } from '../../db/prepared.js';
import { toUser } from '../../realtime/events.js';
import { afterWrites } from '../../realtime/outbox.js';
import { paged } from '../../db/page.js';
import { presentNotification, type NotificationRow } from './notify.js';

const mine = (ctx: ActorCtx, bind?: Bind) => ownedBy(ctx.scope, notifications.recipientId, bind);
const unread = isNull(notifications.readAt);

const notificationPage = preparedByShape<NotificationRow[]>('notification_list');
const notificationCount = preparedByShape<{ n: number }[]>('notification_count');

/**
 * A page of the person's notifications, the list's total and how many are unread. The header's
 * panel asks on every page anyone opens: its queries are prepared once per shape (whose, and
 * whether only the unread), as the appointment list's are.
 */
export async function listNotifications(ctx: ActorCtx, q: { unread?: boolean; limit: number; offset: number }): Promise<NotificationList> {
  const { bind, values } = new Bindings();
  const owner = mine(ctx, bind);
  const where = and(owner, q.unread ? unread : undefined);
  const shape = `${scopeShape(ctx.scope)}|${q.unread ? 'unread' : 'all'}`;
  const unreadShape = `${scopeShape(ctx.scope)}|unread`;
  const [{ items, total }, [unreadCount]] = await Promise.all([
    paged(
      q,
      notificationPage(
        ctx.db,
        shape,
        () => ctx.db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(sql.placeholder('limit')).offset(sql.placeholder('offset')),
        { ...values, limit: q.limit, offset: q.offset },
      ),
      () => notificationCount(ctx.db, shape, () => ctx.db.select({ n: count() }).from(notifications).where(where), values),
    ),
    notificationCount(ctx.db, unreadShape, () => ctx.db.select({ n: count() }).from(notifications).where(and(owner, unread)), values),
  ]);
  return { items: items.map(presentNotification), total, unread: unreadCount!.n };
}

export async function markRead(ctx: ActorCtx, id: string) {
  // Reading twice keeps the first time.
  await ctx.db.update(notifications).set({ readAt: ctx.clock.now() }).where(and(eq(notifications.id, id), mine(ctx), unread));
  const [row] = await ctx.db.select().from(notifications).where(and(eq(notifications.id, id), mine(ctx)));
  if (!row) throw notFound('No such notification');
  return presentNotification(row);
}

export async function markAllRead(ctx: ActorCtx) {
  return afterWrites(ctx, async (db, outbox) => {
    const rows = await db.update(notifications).set({ readAt: ctx.clock.now() }).where(and(mine(ctx), unread)).returning({ id: notifications.id });
    if (rows.length) outbox.add(readEvent(ctx, null));
    return { marked: rows.length };
  });
}

/** Opening or acting on an appointment reads what was said about it, in every tab of the viewer. */
export async function markAppointmentNotificationsRead(ctx: ActorCtx, appointmentId: string) {
  return afterWrites(ctx, async (db, outbox) => {
    const rows = await db
      .update(notifications)
      .set({ readAt: ctx.clock.now() })
      .where(and(mine(ctx), eq(notifications.appointmentId, appointmentId), unread))
      .returning({ id: notifications.id });
    if (rows.length) outbox.add(readEvent(ctx, appointmentId));
    return rows.length;
  });
}

const readEvent = (ctx: ActorCtx, appointmentId: string | null) => toUser(ctx.actor.userId, { type: 'notifications.read', appointmentId });
