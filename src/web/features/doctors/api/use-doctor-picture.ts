import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DoctorView } from '../../../../contracts/doctors.js';
import { storeDoctor } from '../../../entities/doctors/doctor-api.js';
import { api } from '../../../lib/api-client.js';
import { uploadFile } from '../../../lib/upload.js';

export function useUploadDoctorPicture(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) =>
      uploadFile({ method: 'PUT', path: `/api/doctors/${doctorId}/picture`, file, schema: DoctorView, onProgress }),
    onSuccess: (doctor) => storeDoctor(queryClient, doctor),
  });
}

export function useRemoveDoctorPicture(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/api/doctors/${doctorId}/picture`, DoctorView),
    onSuccess: (doctor) => storeDoctor(queryClient, doctor),
  });
}
