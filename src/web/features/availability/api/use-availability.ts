import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AvailabilityView, type AvailabilityInput } from '../../../../contracts/availability.js';
import { availabilityQuery } from '../../../entities/availability/availability-api.js';
import { api } from '../../../lib/api-client.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';

export function useSaveAvailability(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AvailabilityInput) => api.put(`/api/doctors/${doctorId}/availability`, body, AvailabilityView),
    onSuccess: (view) => {
      queryClient.setQueryData(availabilityQuery(doctorId).queryKey, view);
      void invalidate(queryClient, invalidations.availabilitySaved(doctorId));
    },
  });
}
