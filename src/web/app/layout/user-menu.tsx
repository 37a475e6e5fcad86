import { Link, useNavigate } from 'react-router';
import type { Me } from '../../../contracts/auth.js';
import { roleLabels } from '../../entities/accounts/roles.js';
import { useSignOut } from '../../lib/session.js';
import { Spinner } from '../../lib/ui/spinner.js';
import { usePopover } from '../../lib/use-popover.js';
import { personName } from '../../../contracts/people.js';

function initials(me: Me) {
  return `${me.firstName.charAt(0)}${me.lastName.charAt(0)}`.toUpperCase() || '?';
}

/** The account button: who is signed in, their profile, password and sign-out. */
export function UserMenu({ me, minimal }: { me: Me; minimal?: boolean }) {
  const popover = usePopover();
  const navigate = useNavigate();
  const signOut = useSignOut();

  const onSignOut = () =>
    signOut.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });

  const linkClass =
    'block rounded-md px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100';

  return (
    <div className="relative">
      <button
        {...popover.button}
        className="flex min-h-11 items-center gap-2 rounded-full py-1 pr-1 pl-1 text-sm font-medium text-slate-900 hover:bg-slate-100 sm:pr-3"
      >
        <span
          aria-hidden="true"
          className="flex size-9 items-center justify-center rounded-full bg-brand-700 text-sm font-semibold text-white"
        >
          {initials(me)}
        </span>
        <span className="sr-only">Account menu for </span>
        <span className="sr-only sm:not-sr-only">{personName(me, me.role)}</span>
      </button>
      {popover.open && (
        <div
          {...popover.panel}
          className="absolute right-0 z-40 mt-2 w-72 max-w-[calc(100vw-1.5rem)] rounded-xl border border-slate-200 bg-white p-2 shadow-lg"
        >
          <div className="border-b border-slate-200 px-3 pt-1 pb-3">
            <p className="font-semibold text-slate-900">{personName(me, me.role)}</p>
            <p className="truncate text-sm text-slate-700">{me.email}</p>
            <p className="text-sm text-slate-700">
              {roleLabels[me.role]}
              {me.hospitalName ? ` · ${me.hospitalName}` : ''}
            </p>
          </div>
          <ul className="space-y-0.5 py-2">
            {!minimal && (
              <li>
                <Link to="/profile" className={linkClass}>
                  My profile
                </Link>
              </li>
            )}
            <li>
              <Link to="/change-password" className={linkClass}>
                Change password
              </Link>
            </li>
          </ul>
          <div className="border-t border-slate-200 pt-2">
            <button
              type="button"
              onClick={onSignOut}
              disabled={signOut.isPending}
              className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm font-medium text-red-800 hover:bg-red-50"
            >
              {signOut.isPending && <Spinner className="size-4" />}
              Sign out
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
