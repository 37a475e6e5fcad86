import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Hospital, type HospitalCreate, type HospitalPatch } from '../../../../contracts/hospitals.js';
import { hospitalQuery } from '../../../entities/hospitals/hospital-api.js';
import { api } from '../../../lib/api-client.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';

function storeHospital(queryClient: QueryClient, hospital: Hospital) {
  queryClient.setQueryData(hospitalQuery(hospital.id).queryKey, hospital);
  void invalidate(queryClient, invalidations.hospitalSaved());
}

export function useCreateHospital() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HospitalCreate) => api.post('/api/hospitals', body, Hospital),
    onSuccess: (hospital) => storeHospital(queryClient, hospital),
  });
}

export function useUpdateHospital(hospitalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HospitalPatch) => api.patch(`/api/hospitals/${hospitalId}`, body, Hospital),
    onSuccess: (hospital) => storeHospital(queryClient, hospital),
  });
}
