import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { listOf } from '../../../../contracts/common.js';
import { DoctorView } from '../../../../contracts/doctors.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** Patients get the public view of each doctor; admins the full record. */
const DoctorList = listOf(DoctorView);
const Specializations = z.object({ items: z.array(z.string()) });

/** The hospital's doctors a patient may book (the server lists active ones to patients). */
export function useFindDoctors(hospitalId: string, params: { q?: string; specialization?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: queryKeys.doctors.list(hospitalId, { ...params }),
    queryFn: ({ signal }) => api.get(withQuery(`/api/hospitals/${hospitalId}/doctors`, { ...params }), DoctorList, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSpecializations(hospitalId: string) {
  return useQuery({
    queryKey: [...queryKeys.doctors.all, 'specializations', hospitalId],
    queryFn: ({ signal }) => api.get(`/api/hospitals/${hospitalId}/specializations`, Specializations, signal),
    staleTime: 5 * 60_000,
  });
}
