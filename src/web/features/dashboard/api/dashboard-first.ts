import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/auth.js';
import { DOCTOR_DASHBOARD, DoctorDashboard, PATIENT_DASHBOARD, PatientDashboard } from '../../../../contracts/dashboard.js';
import { NOTIFICATION_PANEL } from '../../../../contracts/notifications.js';
import { appointmentListQuery } from '../../../entities/appointments/appointment-api.js';
import { availabilityQuery } from '../../../entities/availability/availability-api.js';
import { doctorQuery } from '../../../entities/doctors/doctor-api.js';
import { notificationListQuery } from '../../../entities/notifications/notification-api.js';
import { patientQuery } from '../../../entities/patients/patient-api.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { addDaysToDate, todayIsoDate } from '../../../lib/datetime.js';
import { queryKeys } from '../../../lib/query-keys.js';

const { upcoming } = PATIENT_DASHBOARD;
const { requests, today } = DOCTOR_DASHBOARD;
/** The header's panel (the bell's own query): the same on both dashboards. */
const panelQuery = () => notificationListQuery(NOTIFICATION_PANEL);

/** The patient's next visits, as the dashboard's panel asks for them. */
export const upcomingQuery = () =>
  appointmentListQuery({ status: upcoming.status.join(','), order: upcoming.order, limit: upcoming.limit, offset: upcoming.offset });

/** The requests waiting for the doctor, as their dashboard's panel asks for them. */
export const doctorRequestsQuery = () =>
  appointmentListQuery({ status: requests.status.join(','), order: requests.order, limit: requests.limit, offset: requests.offset });

/** The viewer's day (`date`, today by default) as instants: from its midnight to the next. */
export function viewerDay(date = todayIsoDate()) {
  const startOf = (d: string) => new Date(`${d}T00:00:00`).toISOString();
  return { from: startOf(date), to: startOf(addDaysToDate(date, 1)) };
}

/** The doctor's visits of a day, as their dashboard's schedule asks for them. */
export const doctorDayQuery = (day: { from: string; to: string }) =>
  appointmentListQuery({ status: today.status.join(','), from: day.from, to: day.to, order: today.order, limit: today.limit, offset: today.offset });

/** Each answer of the one call filed under the query of the panel that shows it. */
function storePatient(queryClient: QueryClient, patientId: string, d: PatientDashboard) {
  queryClient.setQueryData(patientQuery(patientId).queryKey, d.patient);
  queryClient.setQueryData(upcomingQuery().queryKey, d.upcoming);
  queryClient.setQueryData(panelQuery().queryKey, d.notifications);
  queryClient.setQueryData(queryKeys.chat.unread, d.chatUnread);
}

function storeDoctor(queryClient: QueryClient, doctorId: string, day: { from: string; to: string }, d: DoctorDashboard) {
  queryClient.setQueryData(doctorQuery(doctorId).queryKey, d.doctor);
  queryClient.setQueryData(availabilityQuery(doctorId).queryKey, d.availability);
  queryClient.setQueryData(doctorRequestsQuery().queryKey, d.requests);
  queryClient.setQueryData(doctorDayQuery(day).queryKey, d.today);
  queryClient.setQueryData(panelQuery().queryKey, d.notifications);
  queryClient.setQueryData(queryKeys.chat.unread, d.chatUnread);
}

/**
 * A patient or a doctor whose app opens on their dashboard (after signing in, or on a reload) gets
 * its panels and the header's counts from one call (GET /api/dashboard, /api/dashboard/doctor)
 * instead of four or six: true while it is on its way, for the page to wait on as it waits for the
 * session. Once per session; later visits find the panels' own queries, which refresh themselves.
 * Should the call fail, each panel asks for itself as before.
 */
export function useDashboardFirst(me: Me | null | undefined, pathname: string): boolean {
  const queryClient = useQueryClient();
  const role = me?.role === 'patient' || me?.role === 'doctor' ? me.role : null;
  const wanted = !!role && !me!.mustChangePassword && !me!.twoFactorSetupRequired && pathname === '/';
  const bundle = useQuery({
    queryKey: queryKeys.dashboard(me?.id ?? ''),
    queryFn: async ({ signal }) => {
      if (role === 'patient') storePatient(queryClient, me!.id, await api.get('/api/dashboard', PatientDashboard, signal));
      else {
        const day = viewerDay();
        storeDoctor(queryClient, me!.id, day, await api.get(withQuery('/api/dashboard/doctor', day), DoctorDashboard, signal));
      }
      return true;
    },
    enabled: wanted,
    staleTime: Infinity,
    retry: false,
  });
  return wanted && bundle.isPending && bundle.fetchStatus === 'fetching';
}
