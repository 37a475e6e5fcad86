import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AuthResult, type LoginBody } from '../../../../contracts/auth.js';
import { api } from '../../../lib/api-client.js';
import { setMe } from '../../../lib/session.js';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post('/api/auth/login', body, AuthResult),
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      setMe(queryClient, user);
    },
  });
}
