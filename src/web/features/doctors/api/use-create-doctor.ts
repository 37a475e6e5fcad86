import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DoctorView, type DoctorCreate } from '../../../../contracts/doctors.js';
import { storeDoctor } from '../../../entities/doctors/doctor-api.js';
import { api } from '../../../lib/api-client.js';

export function useCreateDoctor(hospitalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DoctorCreate) => api.post(`/api/hospitals/${hospitalId}/doctors`, body, DoctorView),
    onSuccess: (doctor) => storeDoctor(queryClient, doctor),
  });
}
