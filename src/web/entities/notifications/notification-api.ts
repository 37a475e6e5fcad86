import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { NotificationList } from '../../../contracts/notifications.js';
import { api, withQuery } from '../../lib/api-client.js';
import { queryKeys } from '../../lib/query-keys.js';

/** A fallback for live updates (which invalidate the same keys at once when they arrive). */
const POLL_MS = 30_000;

/** GET /api/notifications: the header's panel and the notifications page. */
export const notificationListQuery = (params: { unread?: boolean; limit: number; offset: number }) => {
  const query = { unread: params.unread ? 'true' : undefined, limit: params.limit, offset: params.offset };
  return queryOptions({
    queryKey: queryKeys.notifications.list(query),
    queryFn: ({ signal }) => api.get(withQuery('/api/notifications', query), NotificationList, signal),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
};
