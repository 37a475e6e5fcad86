import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Hospital, type HospitalCreate, type HospitalPatch } from '../../../../contracts/hospitals.js';
import { api } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

export function useHospital(hospitalId: string) {
  return useQuery({
    queryKey: queryKeys.hospitals.detail(hospitalId),
    queryFn: ({ signal }) => api.get(`/api/hospitals/${hospitalId}`, Hospital, signal),
  });
}

export function useCreateHospital() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HospitalCreate) => api.post('/api/hospitals', body, Hospital),
    onSuccess: (hospital) => {
      queryClient.setQueryData(queryKeys.hospitals.detail(hospital.id), hospital);
      void queryClient.invalidateQueries({ queryKey: queryKeys.hospitals.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.publicHospitals });
    },
  });
}

export function useUpdateHospital(hospitalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HospitalPatch) => api.patch(`/api/hospitals/${hospitalId}`, body, Hospital),
    onSuccess: (hospital) => {
      queryClient.setQueryData(queryKeys.hospitals.detail(hospital.id), hospital);
      void queryClient.invalidateQueries({ queryKey: queryKeys.hospitals.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.publicHospitals });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
