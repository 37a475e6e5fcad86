import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

export const Notification = z.object({
  id: Id,
  type: z.string(),
  title: z.string(),
  message: z.string(),
  appointmentId: Id.nullable(),
  readAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type Notification = z.infer<typeof Notification>;

/** The header's panel: the latest few, with the unread count. */
export const NOTIFICATION_PANEL = { limit: 8, offset: 0 } as const;

export const NotificationList = z.object({ items: z.array(Notification), total: z.number().int(), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationQuery = z.object({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
