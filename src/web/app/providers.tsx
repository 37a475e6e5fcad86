import { useEffect, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, onApiError } from '../lib/api-client.js';
import { queryKeys } from '../lib/query-keys.js';
import type { Me } from '../../contracts/auth.js';
import { LiveUpdates } from './live-updates.js';

function shouldRetry(failureCount: number, error: unknown) {
  // A 4xx will answer the same way again; network blips and 5xx get two more tries.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/**
 * Session-wide reactions to API errors:
 * - 401 anywhere but sign-in: the session is gone; forgetting "me" sends the guard to /login
 *   (with the current page to return to).
 * - 403 password_change_required: mark "me" so the guard sends the user to /change-password
 *   (and two_factor_setup_required to /two-factor).
 */
function useSessionErrorHandling(queryClient: QueryClient) {
  useEffect(
    () =>
      onApiError((error, path) => {
        if (error.status === 401 && !path.startsWith('/api/auth/login') && path !== '/api/auth/me') {
          queryClient.setQueryData(queryKeys.me, null);
        }
        if (error.status === 403 && error.code === 'password_change_required') {
          queryClient.setQueryData<Me | null>(queryKeys.me, (me) =>
            me ? { ...me, mustChangePassword: true } : me,
          );
        }
        // The hospital began requiring a second factor of its admins meanwhile.
        if (error.status === 403 && error.code === 'two_factor_setup_required') {
          queryClient.setQueryData<Me | null>(queryKeys.me, (me) => (me ? { ...me, twoFactorSetupRequired: true } : me));
        }
      }),
    [queryClient],
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  useSessionErrorHandling(queryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LiveUpdates />
      {children}
    </QueryClientProvider>
  );
}
