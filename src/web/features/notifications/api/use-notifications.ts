import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Notification, NotificationList } from '../../../../contracts/notifications.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** A fallback for live updates (which invalidate the same keys at once when they arrive). */
export const POLL_MS = 30_000;

export function useNotifications(params: { unread?: boolean; limit: number; offset: number }) {
  const query = { unread: params.unread ? 'true' : undefined, limit: params.limit, offset: params.offset };
  return useQuery({
    queryKey: queryKeys.notifications.list(query),
    queryFn: ({ signal }) => api.get(withQuery('/api/notifications', query), NotificationList, signal),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
}

function useRefreshNotifications() {
  const queryClient = useQueryClient();
  return () => invalidate(queryClient, invalidations.notificationsRead());
}

export function useMarkRead() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`, {}, Notification),
    onSuccess: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: () => api.post('/api/notifications/read-all', {}, z.object({ marked: z.number().int() })),
    onSuccess: refresh,
  });
}
