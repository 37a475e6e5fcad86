import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AvailabilityView, type AvailabilityInput } from '../../../../contracts/availability.js';
import { DoctorView } from '../../../../contracts/doctors.js';
import { api } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

export function useAvailability(doctorId: string) {
  return useQuery({
    queryKey: queryKeys.availability(doctorId),
    queryFn: ({ signal }) => api.get(`/api/doctors/${doctorId}/availability`, AvailabilityView, signal),
  });
}

export function useSaveAvailability(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AvailabilityInput) => api.put(`/api/doctors/${doctorId}/availability`, body, AvailabilityView),
    onSuccess: (view) => {
      queryClient.setQueryData(queryKeys.availability(doctorId), view);
      // Other hours mean other free slots.
      void queryClient.invalidateQueries({ queryKey: queryKeys.slots.all });
    },
  });
}

/** The doctor whose hours these are (shares the doctors feature's cache entry). */
export function useScheduleOwner(doctorId: string) {
  return useQuery({
    queryKey: queryKeys.doctors.detail(doctorId),
    queryFn: ({ signal }) => api.get(`/api/doctors/${doctorId}`, DoctorView, signal),
  });
}
