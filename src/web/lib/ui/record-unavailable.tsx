import { ApiError } from '../api-client.js';
import { ButtonLink } from './button.js';
import { EmptyState } from './empty-state.js';
import { PageHeader } from './page-header.js';
import { QueryError } from './query-error.js';

export interface BackLink {
  to: string;
  label: string;
}

/** A record page that could not load: "not found" (another hospital's looks the same) or an error with retry. */
export function RecordUnavailable({ noun, error, back, onRetry }: { noun: string; error: unknown; back: BackLink; onRetry: () => void }) {
  const missing = error instanceof ApiError && error.status === 404;
  const title = noun[0]!.toUpperCase() + noun.slice(1);
  return (
    <>
      <PageHeader title={missing ? `${title} not found` : title} back={back} />
      {missing ? (
        <EmptyState title={`This ${noun} does not exist or is not in your hospital`} action={<ButtonLink to={back.to}>{back.label}</ButtonLink>} />
      ) : (
        <QueryError error={error} title={`Could not load the ${noun}`} onRetry={onRetry} />
      )}
    </>
  );
}
