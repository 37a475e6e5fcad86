import { Navigate, Outlet, useLocation } from 'react-router';
import { signOutState, useMeQuery } from '../../lib/session.js';
import { useDashboardFirst } from '../../features/dashboard/api/dashboard-first.js';
import { FullPageLoading, FullPageError } from './full-page-states.js';

/** Signed-in area: guests go to /login (remembering where they were going). */
export function RequireAuth() {
  const location = useLocation();
  const me = useMeQuery();
  const dashboardFirst = useDashboardFirst(me.data, location.pathname);
  if (me.isPending) return <FullPageLoading />;
  if (me.isError) return <FullPageError error={me.error} onRetry={() => void me.refetch()} />;
  const here = `${location.pathname}${location.search}`;
  if (!me.data) {
    const next = signOutState.deliberate || here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  if (me.data.mustChangePassword && location.pathname !== '/change-password') {
    const next = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/change-password${next}`} replace />;
  }
  // Their role requires a second factor and they have none: that comes before anything else.
  if (!me.data.mustChangePassword && me.data.twoFactorSetupRequired && location.pathname !== '/two-factor') {
    const next = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/two-factor${next}`} replace />;
  }
  // A patient's or a doctor's dashboard, with the header, arrives in one call: shown whole when it has.
  if (dashboardFirst) return <FullPageLoading />;
  return <Outlet />;
}
