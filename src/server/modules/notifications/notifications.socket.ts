import type { SocketEndpoint } from '../../realtime/gateway.js';

/**
 * `/ws/notifications/`: the person's own room (notifications, unread counts) and their
 * hospital's (which doctors' free time changed). Nothing is sent on it but pings.
 */
export const notificationsSocket: SocketEndpoint<object, never> = {
  kind: 'notifications',
  path: '/ws/notifications/',
  admit: async ({ actor }) => ({ listens: [`user:${actor.userId}`, ...(actor.hospitalId ? [`hospital:${actor.hospitalId}` as const] : [])] }),
};
