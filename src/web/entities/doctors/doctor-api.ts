import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { listOf } from '../../../contracts/common.js';
import { DoctorView, type DoctorPatch } from '../../../contracts/doctors.js';
import { api, withQuery } from '../../lib/api-client.js';
import { invalidate, invalidations } from '../../lib/invalidations.js';
import { queryKeys } from '../../lib/query-keys.js';

/** Staff get the full record; patients the public view (the server decides). */
const DoctorList = listOf(DoctorView);
const Specializations = z.object({ items: z.array(z.string()) });

export interface DoctorListParams {
  q?: string;
  specialization?: string;
  limit: number;
  offset: number;
}

/** GET /api/doctors/:id: the doctors' pages, the profile, the dashboard, booking and hours all read this one entry. */
export const doctorQuery = (doctorId: string) =>
  queryOptions({
    queryKey: queryKeys.doctors.detail(doctorId),
    queryFn: ({ signal }) => api.get(`/api/doctors/${doctorId}`, DoctorView, signal),
  });

/** A hospital's doctors (patients are listed the active ones). */
export const doctorListQuery = (hospitalId: string, params: DoctorListParams) =>
  queryOptions({
    queryKey: queryKeys.doctors.list(hospitalId, { ...params }),
    queryFn: ({ signal }) => api.get(withQuery(`/api/hospitals/${hospitalId}/doctors`, { ...params }), DoctorList, signal),
    placeholderData: keepPreviousData,
  });

export const specializationsQuery = (hospitalId: string) =>
  queryOptions({
    queryKey: queryKeys.doctors.specializationsOf(hospitalId),
    queryFn: ({ signal }) => api.get(`/api/hospitals/${hospitalId}/specializations`, Specializations, signal),
    staleTime: 5 * 60_000,
  });

/** A doctor record the server just returned: stored as it is, and every other view refreshed. */
export function storeDoctor(queryClient: QueryClient, doctor: DoctorView) {
  queryClient.setQueryData(doctorQuery(doctor.id).queryKey, doctor);
  void invalidate(queryClient, invalidations.doctorSaved(doctor.id));
}

/** PATCH /api/doctors/:id, by an admin or by the doctor (the server limits what each may change). */
export function useUpdateDoctor(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DoctorPatch) => api.patch(`/api/doctors/${doctorId}`, body, DoctorView),
    onSuccess: (doctor) => storeDoctor(queryClient, doctor),
  });
}
