import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import {
  AppointmentDetail,
  type ActionBodies,
  type AppointmentAction,
  type AppointmentCreate,
} from '../../../../contracts/appointments.js';
import { appointmentQuery } from '../../../entities/appointments/appointment-api.js';
import { api } from '../../../lib/api-client.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';

/** One appointment, for its page: looked at again now and then, since the other party acts too. */
export function useAppointment(id: string) {
  const queryClient = useQueryClient();
  // Live updates refresh it sooner.
  const query = useQuery({ ...appointmentQuery(id), refetchInterval: 30_000 });
  // Opening an appointment marks its notifications read (the server does it on this read):
  // the bell catches up at once rather than at its next poll.
  const loadedAt = query.isSuccess ? query.dataUpdatedAt : 0;
  useEffect(() => {
    if (loadedAt) void invalidate(queryClient, invalidations.notificationsRead());
  }, [loadedAt, queryClient]);
  return query;
}

function useStoreAppointment() {
  const queryClient = useQueryClient();
  return (a: AppointmentDetail) => {
    queryClient.setQueryData(appointmentQuery(a.id).queryKey, a);
    void invalidate(queryClient, invalidations.appointmentSaved());
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
