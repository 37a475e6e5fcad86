import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { NotificationList } from '../../../contracts/notifications.js';
import type { ActorCtx } from '../../context.js';
import { notifications } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { ownedBy, scopeShape, type Bind } from '../../access/scope.js';
import { Bindings, preparedByShape } from '../../db/prepared.js';
import { toUser } from '../../realtime/events.js';
import { afterWrites } from '../../realtime/outbox.js';
import { totalOver } from '../../db/page.js';
import { presentNotification, type NotificationRow } from './notify.js';
import { withFields } from '../../fields.js';

const mine = (ctx: ActorCtx, bind?: Bind) => ownedBy(ctx.scope, notifications.recipientId, bind);
const unread = isNull(notifications.readAt);

/** Unread among all the rows the query matched, counted by the same scan as the total (before the page is cut). */
const unreadOver = sql<number>`count(*) filter (where ${notifications.readAt} is null) over ()`.mapWith(Number);

const notificationPage = preparedByShape<{ row: NotificationRow; total: number; unread: number }[]>('notification_list');
const notificationCounts = preparedByShape<{ total: number; unread: number }[]>('notification_counts');

/**
 * A page of the person's notifications, the list's total and how many are unread, in one
 * statement: the counts are window aggregates over every row the query matched. The header's
 * panel asks on every page anyone opens (it took three statements); prepared once per shape
 * (whose, and whether only the unread), as the appointment list is. Only a page past the end
 * needs the counts apart.
 */
export async function listNotifications(ctx: ActorCtx, q: { unread?: boolean; limit: number; offset: number }): Promise<NotificationList> {
  const { bind, values } = new Bindings();
  const owner = mine(ctx, bind);
  const shape = `${scopeShape(ctx.scope)}|${q.unread ? 'unread' : 'all'}`;
  const rows = await notificationPage(
    ctx.db,
    shape,
    () =>
      ctx.db
        .select({ row: notifications, total: totalOver, unread: unreadOver })
        .from(notifications)
        .where(and(owner, q.unread ? unread : undefined))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset')),
    withFields(values, { limit: q.limit, offset: q.offset }),
  );
  // An empty first page means none at all; past the end, the counts are asked for apart.
  const [counts] = rows.length || q.offset === 0
    ? rows
    : await notificationCounts(ctx.db, scopeShape(ctx.scope), () => ctx.db.select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number) }).from(notifications).where(owner), values);
  const unreadCount = counts?.unread ?? 0;
  return { items: rows.map((r) => presentNotification(r.row)), total: q.unread ? unreadCount : (counts?.total ?? 0), unread: unreadCount };
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
