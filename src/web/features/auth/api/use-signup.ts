import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SignupResult, type SignupBody } from '../../../../contracts/auth.js';
import { api } from '../../../lib/api-client.js';
import { setMe } from '../../../lib/session.js';

/** Signed in at once, or (where mail is configured) told to confirm the address first. */
export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignupBody) => api.post('/api/auth/signup', body, SignupResult),
    onSuccess: (result) => {
      if (!('user' in result)) return;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'public' });
      setMe(queryClient, result.user);
    },
  });
}
