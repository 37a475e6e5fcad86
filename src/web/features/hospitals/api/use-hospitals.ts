import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listOf } from '../../../../contracts/common.js';
import { Hospital } from '../../../../contracts/hospitals.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

const HospitalList = listOf(Hospital);

export function useHospitals(params: { q?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: queryKeys.hospitals.list(params),
    queryFn: ({ signal }) => api.get(withQuery('/api/hospitals', params), HospitalList, signal),
    placeholderData: keepPreviousData,
  });
}
