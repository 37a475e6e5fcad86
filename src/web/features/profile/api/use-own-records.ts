import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DoctorView, type DoctorPatch } from '../../../../contracts/doctors.js';
import { Patient, type PatientPatch } from '../../../../contracts/patients.js';
import { api } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

export function useMyDoctorRecord(id: string) {
  return useQuery({
    queryKey: queryKeys.doctors.detail(id),
    queryFn: ({ signal }) => api.get(`/api/doctors/${id}`, DoctorView, signal),
  });
}

export function useUpdateMyDoctorRecord(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DoctorPatch) => api.patch(`/api/doctors/${id}`, body, DoctorView),
    onSuccess: (doctor) => {
      queryClient.setQueryData(queryKeys.doctors.detail(id), doctor);
      // Names show in the header.
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}

export function useMyPatientRecord(id: string) {
  return useQuery({
    queryKey: queryKeys.patients.detail(id),
    queryFn: ({ signal }) => api.get(`/api/patients/${id}`, Patient, signal),
  });
}

export function useUpdateMyPatientRecord(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatientPatch) => api.patch(`/api/patients/${id}`, body, Patient),
    onSuccess: (patient) => {
      queryClient.setQueryData(queryKeys.patients.detail(id), patient);
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
