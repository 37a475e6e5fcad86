import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RecoveryCodes, TwoFactorSetup, TwoFactorStatus } from '../../../../contracts/two-factor.js';
import { api } from '../../../lib/api-client.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';
import { queryKeys } from '../../../lib/query-keys.js';

export function useTwoFactorStatus() {
  return useQuery({ queryKey: queryKeys.twoFactor, queryFn: ({ signal }) => api.get('/api/auth/two-factor', TwoFactorStatus, signal) });
}

/** After a change: the status, and "me" (which says whether setting it up is still required). */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => void invalidate(queryClient, invalidations.twoFactorChanged());
}

export function useStartSetup() {
  return useMutation({ mutationFn: () => api.post('/api/auth/two-factor/setup', {}, TwoFactorSetup) });
}

export function useEnableTwoFactor() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (code: string) => api.post('/api/auth/two-factor/enable', { code }, RecoveryCodes), onSuccess: refresh });
}

export function useDisableTwoFactor() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (password: string) => api.send('POST', '/api/auth/two-factor/disable', { password }), onSuccess: refresh });
}

export function useNewRecoveryCodes() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (code: string) => api.post('/api/auth/two-factor/recovery-codes', { code }, RecoveryCodes), onSuccess: refresh });
}
