import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Me } from '../../contracts/auth.js';
import { ApiError, api } from './api-client.js';
import { flash } from './flash.js';
import { queryKeys } from './query-keys.js';

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await api.get('/api/auth/me', Me, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
  });
}

/** The signed-in user, for components rendered behind the sign-in guard. */
export function useMe(): Me {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe() used outside the signed-in area');
  return data;
}

/**
 * Set after the user signs out on purpose, so the sign-in page does not offer to "return" to
 * the page they left; cleared when someone signs in again.
 */
export const signOutState = { deliberate: false };

export function setMe(queryClient: QueryClient, me: Me | null) {
  if (me) signOutState.deliberate = false;
  queryClient.setQueryData(queryKeys.me, me);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.send('POST', '/api/auth/logout'),
    onSettled: (_data, error) => {
      signOutState.deliberate = true;
      flash(error ? 'You are signed out on this device. (The server could not be reached to end the session there too.)' : 'You have signed out.');
      // Whatever the server said, forget everything this browser holds about the user.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      setMe(queryClient, null);
    },
  });
}

/** Only same-site paths may be returned to after sign-in (no open redirects). */
export function safeNext(next: string | null | undefined, fallback = '/') {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  if (next.startsWith('/login') || next.startsWith('/signup')) return fallback;
  return next;
}
