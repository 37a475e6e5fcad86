import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import {
  Appointment,
  AppointmentDetail,
  type ActionBodies,
  type AppointmentAction,
  type AppointmentCreate,
} from '../../../../contracts/appointments.js';
import { listOf } from '../../../../contracts/common.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

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

export function useAppointments(params: AppointmentListParams, options: { refetchInterval?: number; enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled,
    queryKey: queryKeys.appointments.list({ ...params }),
    queryFn: ({ signal }) => api.get(withQuery('/api/appointments', { ...params }), AppointmentList, signal),
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchInterval,
  });
}

export function useAppointment(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.appointments.detail(id),
    queryFn: ({ signal }) => api.get(`/api/appointments/${id}`, AppointmentDetail, signal),
    // The other party acts too: look again now and then (live updates refresh it sooner).
    refetchInterval: 30_000,
  });
  // Opening an appointment marks its notifications read (the server does it on this read):
  // the bell catches up at once rather than at its next poll.
  const loadedAt = query.isSuccess ? query.dataUpdatedAt : 0;
  useEffect(() => {
    if (loadedAt) void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all });
  }, [loadedAt, queryClient]);
  return query;
}

function useStoreAppointment() {
  const queryClient = useQueryClient();
  return (a: AppointmentDetail) => {
    queryClient.setQueryData(queryKeys.appointments.detail(a.id), a);
    void queryClient.invalidateQueries({ queryKey: ['appointments', 'list'] });
    // Booking, proposing, cancelling and rejecting change which times are free.
    void queryClient.invalidateQueries({ queryKey: queryKeys.slots.all });
    // Acting on an appointment marks its notifications read.
    void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all });
    // Cancelling a paid visit refunds it.
    void queryClient.invalidateQueries({ queryKey: queryKeys.payments.appointment(a.id) });
  };
}

export function useRequestAppointment() {
  const store = useStoreAppointment();
  return useMutation({
    mutationFn: (body: AppointmentCreate) => api.post('/api/appointments', body, AppointmentDetail),
    onSuccess: store,
  });
}

export type ActionBody<A extends AppointmentAction> = z.input<(typeof ActionBodies)[A]>;
export type ActionRequest = { [A in AppointmentAction]: { action: A; body: ActionBody<A> } }[AppointmentAction];

/** POST /api/appointments/:id/<action>: one mutation for every action the lifecycle allows. */
export function useAppointmentAction(id: string) {
  const store = useStoreAppointment();
  return useMutation({
    mutationFn: ({ action, body }: ActionRequest) => api.post(`/api/appointments/${id}/${action}`, body, AppointmentDetail),
    onSuccess: store,
  });
}

export const calendarUrl = (id: string) => `/api/appointments/${id}/calendar.ics`;
