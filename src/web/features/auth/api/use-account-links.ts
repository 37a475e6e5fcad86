import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { PasswordResetConfirm } from '../../../../contracts/auth.js';
import { api } from '../../../lib/api-client.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';

const Accepted = z.object({ message: z.string() });

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => api.post('/api/auth/password-reset', { email }, Accepted) });
}

export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordResetConfirm) => api.send('POST', '/api/auth/password-reset/confirm', body),
    // Every session of the account ended, this browser's too.
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'public' });
    },
  });
}

export function useConfirmEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.send('POST', '/api/auth/email-confirmation/confirm', { token }),
    onSuccess: () => void invalidate(queryClient, invalidations.accountChanged()),
  });
}

export function useResendConfirmation() {
  return useMutation({ mutationFn: () => api.post('/api/auth/email-confirmation', {}, Accepted) });
}
