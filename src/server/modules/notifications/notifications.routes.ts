import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import { Notification, NotificationList, NotificationQuery } from '../../../contracts/notifications.js';
import { actorCtxOf } from '../../context.js';
import { listNotifications, markAllRead, markRead } from './notifications.service.js';

export async function notificationRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  app.get('/api/notifications', {
    schema: { tags, querystring: NotificationQuery, response: { 200: NotificationList } },
  }, async (req) => listNotifications(actorCtxOf(req), req.query));

  app.post('/api/notifications/:notificationId/read', {
    schema: { tags, params: IdParams('notificationId'), response: { 200: Notification } },
  }, async (req) => markRead(actorCtxOf(req), req.params.notificationId));

  app.post('/api/notifications/read-all', {
    schema: { tags, response: { 200: z.object({ marked: z.number().int() }) } },
  }, async (req) => markAllRead(actorCtxOf(req)));
}
