import { useQuery } from '@tanstack/react-query';
import { MailConfig } from '../../contracts/mail.js';
import { api } from './api-client.js';
import { queryKeys } from './query-keys.js';

/** Whether this installation sends mail, and so which features depend on it (it never changes while the server runs). */
export function useMailConfig() {
  return useQuery({
    queryKey: queryKeys.mailConfig,
    queryFn: ({ signal }) => api.get('/api/mail/config', MailConfig, signal),
    staleTime: Infinity,
  });
}

/** Where mail is configured, a new account's person chooses their own password from a welcome mail. */
export const useWelcomeLinks = () => useMailConfig().data?.welcomeLinks ?? false;
