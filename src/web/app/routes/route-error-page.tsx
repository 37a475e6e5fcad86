import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last resort when a page crashes while rendering: say so plainly and offer a reload. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <main id="main-content" className="mx-auto max-w-xl space-y-4 p-6">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-slate-700">
        This page stopped working. Reloading usually helps; if it keeps happening, tell your
        administrator what you were doing.
      </p>
      <p className="rounded-md bg-slate-100 p-3 font-mono text-sm text-slate-800">{message}</p>
      <div className="flex gap-3">
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="min-h-11 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
        >
          Reload the page
        </button>
        <a href="/" className="inline-flex min-h-11 items-center px-2 font-medium text-brand-800 underline">
          Go to your dashboard
        </a>
      </div>
    </main>
  );
}
