import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { PasswordChangeBody } from '../../../contracts/auth.js';
import { useForm } from '../../lib/form.js';
import { flash } from '../../lib/flash.js';
import { safeNext, useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { Alert } from '../../lib/ui/alert.js';
import { Button } from '../../lib/ui/button.js';
import { Card } from '../../lib/ui/card.js';
import { FormAlert } from '../../lib/ui/form-alert.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { TextField } from '../../lib/ui/text-field.js';
import { useChangePassword } from '../../features/auth/api/use-change-password.js';

const ChangePasswordForm = PasswordChangeBody.extend({ confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords do not match',
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one',
  });

const empty = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordPage() {
  useDocumentTitle('Change password');
  const me = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const forced = me.mustChangePassword;
  const form = useForm(empty, { schema: ChangePasswordForm });
  const change = useChangePassword();

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    await change.mutateAsync({ currentPassword, newPassword });
    form.reset(empty);
    if (forced) {
      flash('Your new password is set. Use it the next time you sign in.');
      void navigate(safeNext(params.get('next')), { replace: true });
    } else {
      flash('Your password was changed. You stay signed in here; your other sessions were signed out.');
      void navigate('/profile');
    }
  });

  return (
    <div className="max-w-xl">
      <PageHeader
        title={forced ? 'Choose a new password' : 'Change password'}
        back={forced ? undefined : { to: '/profile', label: 'My profile' }}
      />
      {forced && (
        <Alert tone="warning" title="Your password must be changed" className="mb-6">
          Your account was set up with a temporary password. Choose your own password to
          continue.
        </Alert>
      )}
      <Card>
        <form ref={form.formRef} noValidate onSubmit={onSubmit} className="space-y-5">
          <FormAlert failure={form.failure} />
          <TextField
            label={forced ? 'Temporary password' : 'Current password'}
            type="password"
            autoComplete="current-password"
            required
            {...form.text('currentPassword')}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters, and not one you used before."
            required
            {...form.text('newPassword')}
          />
          <TextField
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            required
            {...form.text('confirmPassword')}
          />
          <div className="flex flex-wrap items-center gap-4">
            <Button type="submit" pending={change.isPending} pendingLabel="Saving…">
              Change password
            </Button>
            {!forced && (
              <Link to="/profile" className="text-sm font-medium text-brand-900 underline">
                Cancel
              </Link>
            )}
          </div>
        </form>
      </Card>
    </div>
  );
}
