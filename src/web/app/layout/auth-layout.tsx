import { Outlet, ScrollRestoration } from 'react-router';
import { FlashMessage } from '../../lib/ui/flash-message.js';
import { Brand } from './brand.js';
import { SkipLink } from './skip-link.js';

/** The frame around sign-in and sign-up: brand on top, one centred card. */
export function AuthLayout() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center px-3 py-3 sm:px-6">
          <Brand />
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="flex flex-1 justify-center px-3 py-8 sm:py-12">
        <div className="w-full max-w-md">
          <FlashMessage className="mb-4" />
          <Outlet />
        </div>
      </main>
      <ScrollRestoration />
    </div>
  );
}
