import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listOf } from '../../../../contracts/common.js';
import { Patient, type PatientCreate } from '../../../../contracts/patients.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

const PatientList = listOf(Patient);

export function usePatients(hospitalId: string, params: { q?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: queryKeys.patients.list(hospitalId, { ...params }),
    queryFn: ({ signal }) =>
      api.get(withQuery(`/api/hospitals/${hospitalId}/patients`, { ...params }), PatientList, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreatePatient(hospitalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatientCreate) => api.post(`/api/hospitals/${hospitalId}/patients`, body, Patient),
    onSuccess: (patient) => {
      queryClient.setQueryData(queryKeys.patients.detail(patient.id), patient);
      void queryClient.invalidateQueries({ queryKey: queryKeys.patients.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.hospitals.all });
    },
  });
}
