import { useQuery } from '@tanstack/react-query';
import { UnreadCounts } from '../../../contracts/chat.js';
import { api } from '../../lib/api-client.js';
import { queryKeys } from '../../lib/query-keys.js';

/**
 * Unread chat messages of the signed-in patient or doctor, in total and per appointment: the
 * header's indicator and every appointment list read it. Live updates patch it in place
 * (app/live-updates.tsx); polling is the fallback.
 */
export function useChatUnread(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.chat.unread,
    queryFn: ({ signal }) => api.get('/api/chat/unread', UnreadCounts, signal),
    refetchInterval: 30_000,
    enabled,
  });
}

/** appointmentId → unread messages, for lists (empty when not known). */
export function useUnreadByAppointment(enabled: boolean): ReadonlyMap<string, number> {
  const unread = useChatUnread(enabled);
  const items = unread.data?.byAppointment;
  return new Map((items ?? []).filter((i) => i.unread > 0).map((i) => [i.appointmentId, i.unread]));
}
