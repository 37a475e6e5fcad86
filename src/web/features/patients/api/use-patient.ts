import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Patient, type PatientPatch } from '../../../../contracts/patients.js';
import { api } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

export function usePatient(patientId: string) {
  return useQuery({
    queryKey: queryKeys.patients.detail(patientId),
    queryFn: ({ signal }) => api.get(`/api/patients/${patientId}`, Patient, signal),
  });
}

export function useUpdatePatient(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatientPatch) => api.patch(`/api/patients/${patientId}`, body, Patient),
    onSuccess: (patient) => {
      queryClient.setQueryData(queryKeys.patients.detail(patient.id), patient);
      void queryClient.invalidateQueries({ queryKey: ['patients', 'list'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.hospitals.all });
    },
  });
}
