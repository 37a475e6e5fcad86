import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listOf } from '../../../../contracts/common.js';
import { DoctorView, type DoctorCreate } from '../../../../contracts/doctors.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

const DoctorList = listOf(DoctorView);

export interface DoctorListParams {
  q?: string;
  specialization?: string;
  limit: number;
  offset: number;
}

export function useDoctors(hospitalId: string, params: DoctorListParams) {
  return useQuery({
    queryKey: queryKeys.doctors.list(hospitalId, { ...params }),
    queryFn: ({ signal }) =>
      api.get(withQuery(`/api/hospitals/${hospitalId}/doctors`, { ...params }), DoctorList, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateDoctor(hospitalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DoctorCreate) => api.post(`/api/hospitals/${hospitalId}/doctors`, body, DoctorView),
    onSuccess: (doctor) => {
      queryClient.setQueryData(queryKeys.doctors.detail(doctor.id), doctor);
      void queryClient.invalidateQueries({ queryKey: queryKeys.doctors.all });
      // The hospital's doctor count changed.
      void queryClient.invalidateQueries({ queryKey: queryKeys.hospitals.all });
    },
  });
}
