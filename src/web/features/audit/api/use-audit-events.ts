import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AuditEvent } from '../../../../contracts/audit.js';
import { listOf } from '../../../../contracts/common.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

const AuditList = listOf(AuditEvent);

export function useAuditEvents(params: { action?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: queryKeys.audit({ ...params }),
    queryFn: ({ signal }) => api.get(withQuery('/api/audit', { ...params }), AuditList, signal),
    placeholderData: keepPreviousData,
  });
}
