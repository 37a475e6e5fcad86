import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Notification } from '../../../../contracts/notifications.js';
import { notificationListQuery } from '../../../entities/notifications/notification-api.js';
import { api } from '../../../lib/api-client.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';

export function useNotifications(params: { unread?: boolean; limit: number; offset: number }) {
  return useQuery(notificationListQuery(params));
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
