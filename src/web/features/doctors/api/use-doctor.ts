import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DoctorView, type DoctorPatch } from '../../../../contracts/doctors.js';
import { api } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';
import { uploadFile } from '../../../lib/upload.js';

export function useDoctor(doctorId: string) {
  return useQuery({
    queryKey: queryKeys.doctors.detail(doctorId),
    queryFn: ({ signal }) => api.get(`/api/doctors/${doctorId}`, DoctorView, signal),
  });
}

function useStoreDoctor() {
  const queryClient = useQueryClient();
  return (doctor: DoctorView) => {
    queryClient.setQueryData(queryKeys.doctors.detail(doctor.id), doctor);
    void queryClient.invalidateQueries({ queryKey: ['doctors', 'list'] });
    void queryClient.invalidateQueries({ queryKey: queryKeys.hospitals.all });
  };
}

export function useUpdateDoctor(doctorId: string) {
  const store = useStoreDoctor();
  return useMutation({
    mutationFn: (body: DoctorPatch) => api.patch(`/api/doctors/${doctorId}`, body, DoctorView),
    onSuccess: store,
  });
}

export function useUploadDoctorPicture(doctorId: string) {
  const store = useStoreDoctor();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) =>
      uploadFile({ method: 'PUT', path: `/api/doctors/${doctorId}/picture`, file, schema: DoctorView, onProgress }),
    onSuccess: store,
  });
}

export function useRemoveDoctorPicture(doctorId: string) {
  const store = useStoreDoctor();
  return useMutation({
    mutationFn: () => api.delete(`/api/doctors/${doctorId}/picture`, DoctorView),
    onSuccess: store,
  });
}
