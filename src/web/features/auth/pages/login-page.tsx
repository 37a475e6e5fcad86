import { Link, useSearchParams } from 'react-router';
import { LoginBody } from '../../../../contracts/auth.js';
import { useForm } from '../../../lib/form.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { Card } from '../../../lib/ui/card.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { useLogin } from '../api/use-login.js';

export function LoginPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const next = params.get('next');
  const form = useForm({ email: '', password: '' });
  const login = useLogin();

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = form.validate(LoginBody, (v) => ({ email: v.email, password: v.password }));
    if (!body) return;
    // On success "me" is set and the guest-only guard moves on to the next page.
    login.mutate(body, { onError: form.fail });
  };

  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">Sign in</h1>
      <p className="mt-1 text-slate-700">
        {next ? 'Sign in to continue where you were.' : 'Welcome back. Sign in to your account.'}
      </p>
      <form ref={form.formRef} noValidate onSubmit={onSubmit} className="mt-6 space-y-5">
        <FormAlert failure={form.failure} />
        <TextField
          label="Email address"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          {...form.text('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          {...form.text('password')}
        />
        <Button type="submit" className="w-full" pending={login.isPending} pendingLabel="Signing in…">
          Sign in
        </Button>
      </form>
      <Alert tone="info" className="mt-6">
        New patient?{' '}
        <Link
          to={next ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}
          className="font-semibold text-brand-900 underline"
        >
          Create a patient account
        </Link>
        . Hospital staff accounts are created by an administrator.
      </Alert>
    </Card>
  );
}
