import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AuthResult, LoginResult, type LoginBody } from '../../../../contracts/auth.js';
import type { TwoFactorLoginBody } from '../../../../contracts/two-factor.js';
import { api } from '../../../lib/api-client.js';
import { setMe } from '../../../lib/session.js';

/** The password step: either signed in, or `twoFactorRequired` and the code step comes next. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post('/api/auth/login', body, LoginResult),
    onSuccess: (result) => {
      if (!('user' in result)) return;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'public' });
      setMe(queryClient, result.user);
    },
  });
}

/** The second step: a code from the app, or a recovery code. */
export function useLoginSecondStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TwoFactorLoginBody) => api.post('/api/auth/login/two-factor', body, AuthResult),
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'public' });
      setMe(queryClient, user);
    },
  });
}
