import { errorMessage } from '../api-client.js';
import { Alert } from './alert.js';
import { Button } from './button.js';

/** A failed load: what went wrong and a way to try again. */
export function QueryError({
  error,
  title = 'Could not load this',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  return (
    <Alert
      tone="error"
      title={title}
      action={
        onRetry && (
          <Button variant="secondary" size="sm" onClick={onRetry}>
            Try again
          </Button>
        )
      }
    >
      {errorMessage(error)}
    </Alert>
  );
}
