import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listOf } from '../../../../contracts/common.js';
import { OPEN_PAYMENT_STATUSES, Payment, PaymentOrder, PaymentsConfig, PaymentTotals, type DeskPaymentCreate } from '../../../../contracts/payments.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';
import { queryKeys } from '../../../lib/query-keys.js';

const PaymentList = listOf(Payment);

/** Whether patients can pay online here (and whether such payments are test payments). */
export function usePaymentsConfig() {
  return useQuery({
    queryKey: queryKeys.paymentsConfig,
    queryFn: ({ signal }) => api.get('/api/payments/config', PaymentsConfig, signal),
    staleTime: 10 * 60_000,
  });
}

/**
 * One appointment's payments, newest first (its patient's, or for its hospital's staff).
 * The `payment.changed` event (live-updates) refreshes it at once; while Khalti has not
 * settled the latest order it is also looked at often, in case an event was missed.
 */
export function useAppointmentPayments(appointmentId: string) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.payments.appointment(appointmentId);
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const before = queryClient.getQueryData<{ items: Payment[] }>(queryKey)?.items[0];
      const list = await api.get(`/api/appointments/${appointmentId}/payments`, PaymentList, signal);
      // Polling saw the latest order settle (its event was missed): the visit's status changed too.
      const after = list.items[0];
      if (before && after && before.id === after.id && before.status !== after.status)
        void invalidate(queryClient, [queryKeys.appointments.detail(appointmentId), queryKeys.appointments.lists]);
      return list;
    },
    refetchInterval: (query) => {
      const latest = query.state.data?.items[0];
      return latest && (OPEN_PAYMENT_STATUSES as readonly string[]).includes(latest.status) ? 5_000 : 30_000;
    },
  });
}

/** The filters of the payments list and of its CSV export (what the API's query takes). */
export interface PaymentFilters {
  /** Comma-separated statuses. */
  status?: string;
  provider?: string;
  from?: string;
  to?: string;
  refunded?: 'true' | 'false';
  /** A transaction id, pidx or desk receipt number. */
  q?: string;
  /** The super admin's choice of one hospital. */
  hospitalId?: string;
}

export function usePayments(params: PaymentFilters & { limit: number; offset: number }) {
  return useQuery({
    queryKey: queryKeys.payments.list({ ...params }),
    queryFn: ({ signal }) => api.get(withQuery('/api/payments', { ...params }), PaymentList, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

/** The CSV of every payment these filters select (the browser downloads it with the session cookie). */
export const paymentsExportUrl = (filters: PaymentFilters) => withQuery('/api/payments/export.csv', { ...filters });

/** Money per hospital the viewer may see, for payments made in the range. */
export function usePaymentTotals(params: { from?: string; to?: string }) {
  return useQuery({
    queryKey: queryKeys.payments.totals({ ...params }),
    queryFn: ({ signal }) => api.get(withQuery('/api/payments/totals', { ...params }), PaymentTotals, signal),
    placeholderData: keepPreviousData,
  });
}

/** A payment changed this appointment (and maybe its status): what shows either looks again. */
function useRefreshAfterPayment(appointmentId: string) {
  const queryClient = useQueryClient();
  return () => void invalidate(queryClient, invalidations.paymentChanged(appointmentId));
}

/** The patient starts (or resumes) paying online: the answer's `paymentUrl` is Khalti's checkout. */
export function useStartPayment(appointmentId: string) {
  const refresh = useRefreshAfterPayment(appointmentId);
  return useMutation({
    mutationFn: () => api.post(`/api/appointments/${appointmentId}/payments`, {}, PaymentOrder),
    // A refusal (already paid, cancelled meanwhile, Khalti unreachable) means the page is out of date.
    onError: refresh,
  });
}

/** A hospital admin records the fee paid at the desk, which confirms the visit. */
export function useRecordDeskPayment(appointmentId: string) {
  const refresh = useRefreshAfterPayment(appointmentId);
  return useMutation({
    mutationFn: (body: DeskPaymentCreate) => api.post(`/api/appointments/${appointmentId}/payments/desk`, body, Payment),
    onSettled: refresh,
  });
}
