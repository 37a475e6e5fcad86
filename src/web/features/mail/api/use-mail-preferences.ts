import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MailPreferences, type MailPreferencesPatch } from '../../../../contracts/mail.js';
import { api } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

export function useMailPreferences() {
  return useQuery({ queryKey: queryKeys.mailPreferences, queryFn: ({ signal }) => api.get('/api/me/mail-preferences', MailPreferences, signal) });
}

export function useUpdateMailPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: MailPreferencesPatch) => api.patch('/api/me/mail-preferences', patch, MailPreferences),
    onSuccess: (prefs) => queryClient.setQueryData(queryKeys.mailPreferences, prefs),
  });
}
