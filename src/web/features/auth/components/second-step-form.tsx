import { useEffect, useRef } from 'react';
import { TwoFactorLoginBody } from '../../../../contracts/two-factor.js';
import { ApiError } from '../../../lib/api-client.js';
import { useForm } from '../../../lib/form.js';
import { waitText } from '../../../lib/wait-text.js';
import { Button } from '../../../lib/ui/button.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { useLoginSecondStep } from '../api/use-login.js';

/**
 * The second step of a sign-in: the code the person's authenticator app shows, or one of their
 * recovery codes. `onExpired` goes back to the password when the step took too long.
 */
export function SecondStepForm({ onExpired, onCancel }: { onExpired: (message: string) => void; onCancel: () => void }) {
  const form = useForm({ code: '' });
  const step = useLoginSecondStep();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = form.validate(TwoFactorLoginBody, (v) => ({ code: v.code }));
    if (!body) return;
    step.mutate(body, {
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'sign_in_expired') return onExpired('The sign-in took too long. Enter your password again.');
        if (error instanceof ApiError && error.code === 'login_throttled') {
          const wait = error.retryAfterSeconds ?? 60;
          return form.showErrors({}, { title: 'Too many sign-in attempts', message: `Try again in ${waitText(wait)}.`, unmatched: [] });
        }
        form.fail(error);
      },
    });
  };

  return (
    <form ref={form.formRef} noValidate onSubmit={onSubmit} className="mt-6 space-y-5" aria-labelledby="second-step-heading">
      <h2 id="second-step-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-slate-900 outline-none">
        Two-factor sign-in
      </h2>
      <p className="text-sm text-slate-700">Open your authenticator app and enter the 6-digit code it shows for Telemedicine. Without your phone, use one of your recovery codes.</p>
      <FormAlert failure={form.failure} />
      <TextField
        label="Code"
        autoComplete="one-time-code"
        inputMode="text"
        spellCheck={false}
        className="font-mono tracking-widest"
        hint="6 digits from the app, or a recovery code such as abcd-efgh-jkmn-pqrs."
        required
        {...form.text('code')}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" className="flex-1" pending={step.isPending} pendingLabel="Checking…">
          Verify and sign in
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={step.isPending}>
          Back
        </Button>
      </div>
    </form>
  );
}
