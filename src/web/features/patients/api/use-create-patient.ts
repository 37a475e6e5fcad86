import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Patient, type PatientCreate } from '../../../../contracts/patients.js';
import { storePatient } from '../../../entities/patients/patient-api.js';
import { api } from '../../../lib/api-client.js';

export function useCreatePatient(hospitalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatientCreate) => api.post(`/api/hospitals/${hospitalId}/patients`, body, Patient),
    onSuccess: (patient) => storePatient(queryClient, patient),
  });
}
