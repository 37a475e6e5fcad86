import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoginBody } from '../../../contracts/auth.js';
import { useForm } from '../../lib/form.js';
import { useCountdown } from '../../lib/use-countdown.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { waitText } from '../../lib/wait-text.js';
import { Alert } from '../../lib/ui/alert.js';
import { Button } from '../../lib/ui/button.js';
import { Card } from '../../lib/ui/card.js';
import { FormAlert } from '../../lib/ui/form-alert.js';
import { TextField } from '../../lib/ui/text-field.js';
import { useLogin } from '../../features/auth/api/use-login.js';
import { SecondStepForm } from '../../features/auth/components/second-step-form.js';
import { signInRefusal } from '../../features/auth/utils/sign-in-refusal.js';

export function LoginPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const next = params.get('next');
  const form = useForm({ email: '', password: '' }, { schema: LoginBody });
  const login = useLogin();
  // A throttled sign-in: when the next try is allowed, and whether the last one was a wrong password.
  const [wait, setWait] = useState<{ until: number; wrong: boolean } | null>(null);
  const secondsLeft = useCountdown(wait?.until ?? null);
  const waiting = wait !== null && secondsLeft > 0;
  const [ready, setReady] = useState(false);
  const waitRef = useRef<HTMLDivElement>(null);
  // The password was right and the account has a second factor: its code comes next.
  const [secondStep, setSecondStep] = useState(false);

  useEffect(() => {
    if (wait && secondsLeft === 0) {
      setWait(null);
      setReady(true);
    }
  }, [wait, secondsLeft]);
  useEffect(() => {
    if (wait) waitRef.current?.focus();
  }, [wait]);

  const signIn = form.handleSubmit(async (body) => {
    try {
      // On success "me" is set and the guest-only guard moves on to the next page.
      const result = await login.mutateAsync(body);
      if (!('user' in result)) setSecondStep(true);
    } catch (error) {
      const refusal = signInRefusal(error);
      if (refusal?.kind === 'wait') {
        form.showErrors({}, null);
        setWait({ until: Date.now() + refusal.seconds * 1000, wrong: refusal.wrong });
      } else if (refusal?.kind === 'wrong') {
        form.showErrors({}, { title: 'Email or password is incorrect', message: refusal.warning ?? 'Email or password is incorrect', unmatched: [] });
      } else {
        throw error;
      }
    }
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (waiting) return;
    setReady(false);
    void signIn();
  };

  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">Sign in</h1>
      <p className="mt-1 text-slate-700">
        {next ? 'Sign in to continue where you were.' : 'Welcome back. Sign in to your account.'}
      </p>
      {secondStep ? (
        <SecondStepForm
          onCancel={() => setSecondStep(false)}
          onExpired={(message) => {
            setSecondStep(false);
            form.setValue('password', '');
            form.showErrors({}, { title: 'Sign in again', message, unmatched: [] });
          }}
        />
      ) : (
        <form ref={form.formRef} noValidate onSubmit={onSubmit} className="mt-6 space-y-5">
          <FormAlert failure={form.failure} />
          {waiting && (
            <div ref={waitRef} tabIndex={-1} className="outline-none">
              <Alert tone="warning" title={wait.wrong ? 'Email or password is incorrect' : 'Too many sign-in attempts'}>
                <p>
                  {wait.wrong ? 'There have been several failed attempts, so sign-in waits a little. ' : 'Sign-in is paused for a little while. '}
                  {/* The number changes every second: read once, when the message appears, not at each tick. */}
                  <span aria-live="off">Try again in {waitText(secondsLeft)}.</span>
                </p>
              </Alert>
            </div>
          )}
          <p role="status" className="sr-only">
            {ready ? 'You can try to sign in again now.' : ''}
          </p>
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
          <p className="-mt-2 text-sm">
            <Link to="/forgot-password" className="font-medium text-brand-900 underline">
              Forgot password?
            </Link>
          </p>
          <Button type="submit" className="w-full" pending={login.isPending} pendingLabel="Signing in…" disabled={waiting}>
            Sign in
          </Button>
        </form>
      )}
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
