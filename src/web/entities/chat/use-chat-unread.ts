import { useQuery, type QueryClient } from '@tanstack/react-query';
import { UnreadCounts } from '../../../contracts/chat.js';
import { api } from '../../lib/api-client.js';
import { invalidate, invalidations } from '../../lib/invalidations.js';
import { queryKeys } from '../../lib/query-keys.js';
import { withUnread } from './unread-counts.js';

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

/** A live `chat.unread` event: the held counts are patched in place, or fetched when none are held. */
export function storeUnread(queryClient: QueryClient, event: { appointmentId: string; unread: number; total: number }) {
  const held = queryClient.getQueryData<UnreadCounts>(queryKeys.chat.unread);
  if (held) queryClient.setQueryData(queryKeys.chat.unread, withUnread(held, event.appointmentId, event.unread, event.total));
  else void invalidate(queryClient, invalidations.chatUnreadChanged());
}
