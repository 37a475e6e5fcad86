import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AuthResult, type SignupBody } from '../../../../contracts/auth.js';
import { api } from '../../../lib/api-client.js';
import { setMe } from '../../../lib/session.js';

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignupBody) => api.post('/api/auth/signup', body, AuthResult),
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      setMe(queryClient, user);
    },
  });
}
