import { useState } from 'react';
import { Link } from 'react-router';
import { PasswordResetRequest } from '../../../contracts/auth.js';
import { useForm } from '../../lib/form.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useMailConfig } from '../../lib/use-mail-config.js';
import { Alert } from '../../lib/ui/alert.js';
import { Button } from '../../lib/ui/button.js';
import { Card } from '../../lib/ui/card.js';
import { FormAlert } from '../../lib/ui/form-alert.js';
import { QueryError } from '../../lib/ui/query-error.js';
import { Loading } from '../../lib/ui/spinner.js';
import { TextField } from '../../lib/ui/text-field.js';
import { useRequestPasswordReset } from '../../features/auth/api/use-account-links.js';

/**
 * "Forgot password?": asks for a mailed link. The answer is the same whether or not the
 * address has an account (the server's too), so the page never tells which addresses exist.
 */
export function ForgotPasswordPage() {
  useDocumentTitle('Forgot password');
  const mail = useMailConfig();
  const form = useForm({ email: '' });
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = form.validate(PasswordResetRequest, (v) => ({ email: v.email }));
    if (!body) return;
    request.mutate(body.email, { onSuccess: () => setSentTo(body.email), onError: form.fail });
  };

  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">Forgot your password?</h1>
      {mail.isPending ? (
        <Loading label="Loading…" className="mt-6" />
      ) : mail.isError ? (
        <QueryError error={mail.error} title="Could not reach the server" onRetry={() => void mail.refetch()} />
      ) : !mail.data.passwordReset ? (
        <Alert tone="warning" title="Password reset by email is not available here" className="mt-6">
          This installation does not send email. Ask your hospital’s administrator to set a new password for you.
        </Alert>
      ) : sentTo ? (
        <Alert tone="success" title="Check your email" className="mt-6">
          <p>
            If an account has the address <strong>{sentTo}</strong>, a link to choose a new password is on its way. It works once, for
            30 minutes.
          </p>
          <p className="mt-2">Nothing arrived after a few minutes? Look in your spam folder, or ask again.</p>
        </Alert>
      ) : (
        <>
          <p className="mt-1 text-slate-700">Enter the address you sign in with, and we will mail you a link to choose a new password.</p>
          <form ref={form.formRef} noValidate onSubmit={onSubmit} className="mt-6 space-y-5">
            <FormAlert failure={form.failure} />
            <TextField label="Email address" type="email" inputMode="email" autoComplete="username" required {...form.text('email')} />
            <Button type="submit" className="w-full" pending={request.isPending} pendingLabel="Sending…">
              Send me a link
            </Button>
          </form>
        </>
      )}
      <p className="mt-6 text-sm text-slate-700">
        <Link to="/login" className="font-semibold text-brand-900 underline">
          Back to sign in
        </Link>
      </p>
    </Card>
  );
}
