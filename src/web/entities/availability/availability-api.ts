import { queryOptions } from '@tanstack/react-query';
import { AvailabilityView } from '../../../contracts/availability.js';
import { api } from '../../lib/api-client.js';
import { queryKeys } from '../../lib/query-keys.js';

/** A doctor's weekly hours, visit length and exceptions: the hours editor and the doctor's dashboard. */
export const availabilityQuery = (doctorId: string) =>
  queryOptions({
    queryKey: queryKeys.availability(doctorId),
    queryFn: ({ signal }) => api.get(`/api/doctors/${doctorId}/availability`, AvailabilityView, signal),
  });
