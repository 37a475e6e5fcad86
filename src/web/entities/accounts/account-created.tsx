import type { ReactNode } from 'react';
import { Alert } from '../../lib/ui/alert.js';
import { firstSignInNote } from './account-fields.js';

/**
 * Said once an admin has made an account: who, and how they get in (the temporary password, or
 * a welcome mail's link). `account` is null where the record does not say (a doctor's public view).
 */
export function AccountCreated({ title, who, account }: { title: string; who: ReactNode; account: { mustChangePassword: boolean; email: string } | null }) {
  return (
    <Alert tone="success" title={title}>
      {who} {account ? firstSignInNote(account) : 'was added.'}
    </Alert>
  );
}
