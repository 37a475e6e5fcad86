import { Link, useSearchParams } from 'react-router';
import { LinkToken } from '../../../contracts/auth.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { useMeQuery } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { Alert } from '../../lib/ui/alert.js';
import { Button, ButtonLink } from '../../lib/ui/button.js';
import { Card } from '../../lib/ui/card.js';
import { useConfirmEmail } from '../../features/auth/api/use-account-links.js';

/**
 * Where the confirmation link leads. The address is confirmed by a click here, not by opening
 * the page: mail scanners that fetch links must not confirm an address for someone.
 */
export function ConfirmEmailPage() {
  useDocumentTitle('Confirm your email address');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmEmail();
  const me = useMeQuery();
  const signedIn = !!me.data;
  const broken = !LinkToken.safeParse(token).success || (confirm.error instanceof ApiError && confirm.error.code === 'reset_token_invalid');

  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">Confirm your email address</h1>
      {confirm.isSuccess ? (
        <Alert tone="success" title="Your address is confirmed" className="mt-6" action={<ButtonLink to={signedIn ? '/' : '/login'}>{signedIn ? 'Continue' : 'Sign in'}</ButtonLink>}>
          You can now book visits.
        </Alert>
      ) : broken ? (
        <Alert tone="error" title="This link does not work any more" className="mt-6">
          <p>It was used already, it expired (it works for 48 hours), or it was not copied whole. Sign in and ask for a new one from your dashboard.</p>
          <p className="mt-2">
            <Link to="/login" className="font-semibold underline">
              Sign in
            </Link>
          </p>
        </Alert>
      ) : (
        <>
          <p className="mt-1 text-slate-700">Confirm that this address is yours to finish setting up your account.</p>
          {confirm.isError && (
            <Alert tone="error" className="mt-4">
              {errorMessage(confirm.error)}
            </Alert>
          )}
          <Button className="mt-6 w-full" pending={confirm.isPending} pendingLabel="Confirming…" onClick={() => confirm.mutate(token)}>
            Confirm my address
          </Button>
        </>
      )}
    </Card>
  );
}
