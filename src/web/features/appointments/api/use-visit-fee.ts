import { useQuery } from '@tanstack/react-query';
import { Hospital } from '../../../../contracts/hospitals.js';
import { api } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** The patient's own hospital, for the visit fee (shares the hospitals feature's cache entry). */
export function useVisitFee(hospitalId: string | null) {
  return useQuery({
    queryKey: queryKeys.hospitals.detail(hospitalId ?? ''),
    queryFn: ({ signal }) => api.get(`/api/hospitals/${hospitalId}`, Hospital, signal),
    enabled: !!hospitalId,
    select: (h) => h.appointmentFee,
    staleTime: 5 * 60_000,
  });
}
