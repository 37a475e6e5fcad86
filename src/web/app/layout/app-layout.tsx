import { useEffect, useState } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { MessagesIndicator } from '../../features/notifications/components/messages-indicator.js';
import { NotificationBell } from '../../features/notifications/components/notification-bell.js';
import { EmailConfirmationBanner } from '../../features/auth/components/email-confirmation-banner.js';
import { useMe } from '../../lib/session.js';
import { describeZone, viewerTimeZone } from '../../lib/datetime.js';
import { FlashMessage } from '../../lib/ui/flash-message.js';
import { Brand } from './brand.js';
import { navItemsFor } from './nav-items.js';
import { PrimaryNav } from './primary-nav.js';
import { SkipLink } from './skip-link.js';
import { UserMenu } from './user-menu.js';
import { useFocusOnNavigate } from './use-focus-on-navigate.js';

const MAIN_ID = 'main-content';
const NAV_ID = 'primary-nav';

/** The signed-in frame: skip link, header (brand, navigation, account), main content. */
export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  useFocusOnNavigate(MAIN_ID);
  useEffect(() => setNavOpen(false), [location.pathname]);

  // Until a forced password change (or a required second factor) is done the API refuses everything else: offer no links.
  const locked = me.mustChangePassword || me.twoFactorSetupRequired;
  const items = locked ? [] : navItemsFor(me);

  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 sm:px-6">
          <Brand collapsible />
          {items.length > 0 && <PrimaryNav id={NAV_ID} items={items} open={navOpen} />}
          <div className="ml-auto flex items-center gap-1">
            {items.length > 0 && (
              <button
                type="button"
                aria-expanded={navOpen}
                aria-controls={NAV_ID}
                onClick={() => setNavOpen((o) => !o)}
                className="inline-flex min-h-11 items-center gap-2 rounded-md px-3 text-sm font-medium text-slate-900 hover:bg-slate-100 md:hidden"
              >
                <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
                  {navOpen ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
                </svg>
                <span className="sr-only sm:not-sr-only">Menu</span>
              </button>
            )}
            {!locked && (me.role === 'doctor' || me.role === 'patient') && <MessagesIndicator />}
            {!locked && <NotificationBell />}
            <UserMenu me={me} minimal={locked} />
          </div>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-3 py-6 sm:px-6 sm:py-8">
        <FlashMessage className="mb-6" />
        {!locked && me.role === 'patient' && <EmailConfirmationBanner />}
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 bg-white print:hidden">
        <p className="mx-auto max-w-6xl px-3 py-4 text-sm text-slate-700 sm:px-6">
          Telemedicine · Times are shown in your time zone, {describeZone(viewerTimeZone())}.
        </p>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
