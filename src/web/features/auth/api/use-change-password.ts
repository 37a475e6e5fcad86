import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PasswordChangeBody } from '../../../../contracts/auth.js';
import { api } from '../../../lib/api-client.js';
import { fetchMe, setMe } from '../../../lib/session.js';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PasswordChangeBody) => {
      await api.send('POST', '/api/auth/password', body);
      // The server clears mustChangePassword; read "me" again rather than guessing.
      return fetchMe();
    },
    onSuccess: (me) => setMe(queryClient, me),
  });
}
