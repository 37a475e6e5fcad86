import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/auth.js';
import { PATIENT_DASHBOARD, PatientDashboard } from '../../../../contracts/dashboard.js';
import { appointmentListQuery } from '../../../entities/appointments/appointment-api.js';
import { notificationListQuery } from '../../../entities/notifications/notification-api.js';
import { patientQuery } from '../../../entities/patients/patient-api.js';
import { api } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

const { upcoming, notifications } = PATIENT_DASHBOARD;

/** The patient's next visits, as the dashboard's panel asks for them. */
export const upcomingQuery = () =>
  appointmentListQuery({ status: upcoming.status.join(','), order: upcoming.order, limit: upcoming.limit, offset: upcoming.offset });

/** Each answer of the one call filed under the query of the panel that shows it. */
function store(queryClient: QueryClient, patientId: string, d: PatientDashboard) {
  queryClient.setQueryData(patientQuery(patientId).queryKey, d.patient);
  queryClient.setQueryData(upcomingQuery().queryKey, d.upcoming);
  queryClient.setQueryData(notificationListQuery(notifications).queryKey, d.notifications);
  queryClient.setQueryData(queryKeys.chat.unread, d.chatUnread);
}

/**
 * A patient whose app opens on their dashboard (after signing in, or on a reload) gets its panels
 * and the header's counts from one call (GET /api/dashboard) instead of four: true while it is
 * on its way, for the page to wait on as it waits for the session. Once per session; later visits
 * find the panels' own queries, which refresh themselves. Should the call fail, each panel asks
 * for itself as before.
 */
export function usePatientDashboardFirst(me: Me | null | undefined, pathname: string): boolean {
  const queryClient = useQueryClient();
  const wanted = me?.role === 'patient' && !me.mustChangePassword && pathname === '/';
  const bundle = useQuery({
    queryKey: queryKeys.dashboard(me?.id ?? ''),
    queryFn: async ({ signal }) => {
      store(queryClient, me!.id, await api.get('/api/dashboard', PatientDashboard, signal));
      return true;
    },
    enabled: wanted,
    staleTime: Infinity,
    retry: false,
  });
  return wanted && bundle.isPending && bundle.fetchStatus === 'fetching';
}
