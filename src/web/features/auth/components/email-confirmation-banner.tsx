import { errorMessage } from '../../../lib/api-client.js';
import { useMe } from '../../../lib/session.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { useResendConfirmation } from '../api/use-account-links.js';

/** A patient who has not confirmed their address yet cannot book: this says so, and sends the link again. */
export function EmailConfirmationBanner() {
  const me = useMe();
  const resend = useResendConfirmation();
  if (me.emailConfirmed) return null;
  return (
    <Alert
      tone="warning"
      title="Confirm your email address to book visits"
      className="mb-6"
      action={
        resend.isSuccess ? null : (
          <Button variant="secondary" size="sm" pending={resend.isPending} pendingLabel="Sending…" onClick={() => resend.mutate()}>
            Send the link again
          </Button>
        )
      }
    >
      {resend.isSuccess
        ? `A new link is on its way to ${me.email}. It works for 48 hours.`
        : resend.isError
          ? errorMessage(resend.error)
          : `We mailed a link to ${me.email} when you signed up. Follow it, then come back here.`}
    </Alert>
  );
}
