import { useQuery } from '@tanstack/react-query';
import { AppointmentDetail } from '../../../../contracts/appointments.js';
import { api } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

/**
 * The appointment the chat belongs to (who the other party is, its status). Shares the cache
 * entry of the appointment pages, so a live status change refreshes both.
 */
export function useChatAppointment(appointmentId: string) {
  return useQuery({
    queryKey: queryKeys.appointments.detail(appointmentId),
    queryFn: ({ signal }) => api.get(`/api/appointments/${appointmentId}`, AppointmentDetail, signal),
  });
}
