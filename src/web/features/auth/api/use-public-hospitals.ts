import { useQuery } from '@tanstack/react-query';
import { listOf } from '../../../../contracts/common.js';
import { PublicHospital } from '../../../../contracts/hospitals.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

const PublicHospitalList = listOf(PublicHospital);

/** Hospitals a patient can join (no sign-in needed). */
export function usePublicHospitals() {
  return useQuery({
    queryKey: queryKeys.publicHospitals,
    queryFn: ({ signal }) =>
      api.get(withQuery('/api/public/hospitals', { limit: 200 }), PublicHospitalList, signal),
  });
}
