import type { UnreadCounts } from '../../../contracts/chat.js';

/** A `chat.unread` event (one chat's count and the new total) folded into the held counts. */
export function withUnread(counts: UnreadCounts, appointmentId: string, unread: number, total: number): UnreadCounts {
  const others = counts.byAppointment.filter((c) => c.appointmentId !== appointmentId);
  return { total, byAppointment: unread > 0 ? [...others, { appointmentId, unread }] : others };
}
