import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { LinkToken, PasswordResetConfirm } from '../../../contracts/auth.js';
import { ApiError } from '../../lib/api-client.js';
import { flash } from '../../lib/flash.js';
import { useForm } from '../../lib/form.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { Alert } from '../../lib/ui/alert.js';
import { Button } from '../../lib/ui/button.js';
import { Card } from '../../lib/ui/card.js';
import { FormAlert } from '../../lib/ui/form-alert.js';
import { TextField } from '../../lib/ui/text-field.js';
import { useConfirmPasswordReset } from '../../features/auth/api/use-account-links.js';

const ResetForm = PasswordResetConfirm.extend({ confirmPassword: z.string() }).refine((v) => v.newPassword === v.confirmPassword, {
  path: ['confirmPassword'],
  message: 'The two passwords do not match',
});

/**
 * Where a mailed link leads (a reset, or the welcome of an account an admin created): choose a
 * password. The link works once; setting it signs the account out everywhere.
 */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const welcome = params.get('welcome') === '1';
  const title = welcome ? 'Choose your password' : 'Choose a new password';
  useDocumentTitle(title);
  const token = params.get('token') ?? '';
  const form = useForm({ newPassword: '', confirmPassword: '' });
  const confirm = useConfirmPasswordReset();
  const navigate = useNavigate();
  const badLink = !LinkToken.safeParse(token).success || (confirm.error instanceof ApiError && confirm.error.code === 'reset_token_invalid');

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = form.validate(ResetForm, (v) => ({ token, newPassword: v.newPassword, confirmPassword: v.confirmPassword }));
    if (!body) return;
    confirm.mutate(
      { token, newPassword: body.newPassword },
      {
        onSuccess: () => {
          flash(welcome ? 'Your password is set. Sign in with it.' : 'Your new password is set, and you were signed out everywhere. Sign in with it.');
          void navigate('/login', { replace: true });
        },
        onError: (error) => {
          if (!(error instanceof ApiError && error.code === 'reset_token_invalid')) form.fail(error);
        },
      },
    );
  };

  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      {badLink ? (
        <Alert tone="error" title="This link does not work any more" className="mt-6">
          <p>It was used already, it expired (reset links work for 30 minutes), or it was not copied whole. Ask for a new one.</p>
          <p className="mt-2">
            <Link to="/forgot-password" className="font-semibold underline">
              Get a new link
            </Link>
          </p>
        </Alert>
      ) : (
        <>
          <p className="mt-1 text-slate-700">
            {welcome ? 'Welcome. Choose the password you will sign in with.' : 'Choose a new password. You will be signed out everywhere, and sign in again with it.'}
          </p>
          <form ref={form.formRef} noValidate onSubmit={onSubmit} className="mt-6 space-y-5">
            <FormAlert failure={form.failure} />
            <TextField
              label="New password"
              type="password"
              autoComplete="new-password"
              hint="At least 8 characters. A few words you can remember work well."
              required
              {...form.text('newPassword')}
            />
            <TextField label="Confirm new password" type="password" autoComplete="new-password" required {...form.text('confirmPassword')} />
            <Button type="submit" className="w-full" pending={confirm.isPending} pendingLabel="Saving…">
              Set password
            </Button>
          </form>
        </>
      )}
    </Card>
  );
}
