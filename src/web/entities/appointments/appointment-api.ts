import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { Appointment, AppointmentDetail } from '../../../contracts/appointments.js';
import { listOf } from '../../../contracts/common.js';
import { api, withQuery } from '../../lib/api-client.js';
import { queryKeys } from '../../lib/query-keys.js';

const AppointmentList = listOf(Appointment);

export interface AppointmentListParams {
  /** Comma-separated statuses. */
  status?: string;
  from?: string;
  to?: string;
  doctorId?: string;
  /** The super admin's view of one hospital. */
  hospitalId?: string;
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** GET /api/appointments/:id: the appointment's page, its chat and its call read this one entry. */
export const appointmentQuery = (appointmentId: string) =>
  queryOptions({
    queryKey: queryKeys.appointments.detail(appointmentId),
    queryFn: ({ signal }) => api.get(`/api/appointments/${appointmentId}`, AppointmentDetail, signal),
  });

/** The lists and the dashboards' panels. */
export const appointmentListQuery = (params: AppointmentListParams) =>
  queryOptions({
    queryKey: queryKeys.appointments.list({ ...params }),
    queryFn: ({ signal }) => api.get(withQuery('/api/appointments', { ...params }), AppointmentList, signal),
    placeholderData: keepPreviousData,
  });
