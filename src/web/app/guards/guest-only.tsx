import { Navigate, Outlet, useSearchParams } from 'react-router';
import { safeNext, useMeQuery } from '../../lib/session.js';
import { FullPageLoading } from './full-page-states.js';

/**
 * Sign-in and sign-up: someone already signed in moves on, to the page they were going to
 * (or to change their password first). Signing in therefore only has to update "me".
 */
export function GuestOnly() {
  const [params] = useSearchParams();
  const me = useMeQuery();
  if (me.isPending) return <FullPageLoading />;
  if (me.data) {
    const next = safeNext(params.get('next'));
    if (me.data.mustChangePassword) {
      const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
      return <Navigate to={`/change-password${query}`} replace />;
    }
    if (me.data.twoFactorSetupRequired) {
      const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
      return <Navigate to={`/two-factor${query}`} replace />;
    }
    return <Navigate to={next} replace />;
  }
  return <Outlet />;
}
