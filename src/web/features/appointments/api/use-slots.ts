import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SlotList } from '../../../../contracts/availability.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** A doctor's free slots between two dates of the hospital's calendar (inclusive). */
export function useSlots(doctorId: string, from: string, to: string) {
  return useQuery({
    queryKey: queryKeys.slots.range(doctorId, from, to),
    queryFn: ({ signal }) => api.get(withQuery(`/api/doctors/${doctorId}/slots`, { from, to }), SlotList, signal),
    placeholderData: keepPreviousData,
    // Other patients book too.
    staleTime: 10_000,
    refetchInterval: 60_000,
  });
}
