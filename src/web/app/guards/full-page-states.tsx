import { Loading } from '../../lib/ui/spinner.js';
import { QueryError } from '../../lib/ui/query-error.js';

export function FullPageLoading() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md items-center justify-center p-6">
      <Loading label="Loading your session…" />
    </main>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md items-center p-6">
      <div className="w-full space-y-4">
        <h1 className="text-xl font-semibold">Telemedicine is not reachable</h1>
        <QueryError error={error} title="Could not check your session" onRetry={onRetry} />
      </div>
    </main>
  );
}
