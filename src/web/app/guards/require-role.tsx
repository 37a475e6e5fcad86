import { Outlet } from 'react-router';
import type { Role } from '../../../contracts/enums.js';
import { useMe } from '../../lib/session.js';
import { NotAllowedPage } from '../routes/not-allowed-page.js';

/** Pages for some roles only; everyone else sees a plain "not allowed" page. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const me = useMe();
  return roles.includes(me.role) ? <Outlet /> : <NotAllowedPage />;
}
