import type { ReactNode } from 'react';
import { Alert } from '../../lib/ui/alert.js';

/** Said once an admin has made an account: who, and what happens at their first sign-in. */
export function AccountCreated({ title, who }: { title: string; who: ReactNode }) {
  return (
    <Alert tone="success" title={title}>
      {who} can sign in with the temporary password and will be asked to choose a new one.
    </Alert>
  );
}
