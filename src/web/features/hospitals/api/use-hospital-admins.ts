import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listOf } from '../../../../contracts/common.js';
import { HospitalAdmin, type HospitalAdminCreate } from '../../../../contracts/users.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';
import { queryKeys } from '../../../lib/query-keys.js';

const AdminList = listOf(HospitalAdmin);

export function useHospitalAdmins(hospitalId: string) {
  return useQuery({
    queryKey: queryKeys.hospitals.admins(hospitalId),
    queryFn: ({ signal }) => api.get(withQuery(`/api/hospitals/${hospitalId}/admins`, { limit: 200 }), AdminList, signal),
  });
}

export function useCreateAdmin(hospitalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HospitalAdminCreate) => api.post(`/api/hospitals/${hospitalId}/admins`, body, HospitalAdmin),
    onSuccess: () => invalidate(queryClient, invalidations.hospitalAdminsSaved(hospitalId)),
  });
}

export function useSetAdminActive(hospitalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ adminId, isActive }: { adminId: string; isActive: boolean }) =>
      api.patch(`/api/admins/${adminId}`, { isActive }, HospitalAdmin),
    onSuccess: () => invalidate(queryClient, invalidations.hospitalAdminsSaved(hospitalId)),
  });
}
