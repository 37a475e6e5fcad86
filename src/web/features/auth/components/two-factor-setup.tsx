import { TwoFactorEnableBody } from '../../../../contracts/two-factor.js';
import { errorMessage } from '../../../lib/api-client.js';
import { useForm } from '../../../lib/form.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { useEnableTwoFactor, useStartSetup } from '../api/use-two-factor.js';

/**
 * Setting up an authenticator app: a new secret (as a QR code, and as text to type), then the
 * app's first code to prove it holds it. `onEnabled` gets the recovery codes.
 */
export function TwoFactorSetupFlow({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const start = useStartSetup();
  const enable = useEnableTwoFactor();
  const form = useForm({ code: '' });

  if (!start.data)
    return (
      <div className="space-y-4">
        <p className="text-slate-700">
          With two-factor sign-in, signing in takes your password and a code from an authenticator app on your phone (such as
          Google Authenticator, Microsoft Authenticator, FreeOTP or 1Password), so a stolen password alone is not enough.
        </p>
        {start.isError && <Alert tone="error">{errorMessage(start.error)}</Alert>}
        <Button pending={start.isPending} pendingLabel="Preparing…" onClick={() => start.mutate()}>
          Set up an authenticator app
        </Button>
      </div>
    );

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = form.validate(TwoFactorEnableBody, (v) => ({ code: v.code }));
    if (body) enable.mutate(body.code, { onSuccess: (r) => onEnabled(r.codes), onError: form.fail });
  };

  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-2 pl-5 text-slate-700">
        <li>In your authenticator app, add an account and scan this QR code.</li>
        <li>Enter the 6-digit code the app then shows.</li>
      </ol>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <img src={start.data.qrCode} alt="QR code to scan with your authenticator app" width={192} height={192} className="size-48 rounded-lg border border-slate-200 bg-white" />
        <div className="min-w-0 space-y-1 text-sm text-slate-700">
          <p>Cannot scan? Type this key into the app instead (time-based):</p>
          <p className="font-mono text-base break-all text-slate-900" aria-label="Setup key">
            {start.data.secret.replace(/(.{4})/g, '$1 ').trim()}
          </p>
        </div>
      </div>
      <form ref={form.formRef} noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Confirm the app">
        <FormAlert failure={form.failure} />
        <TextField label="Code from the app" autoComplete="one-time-code" inputMode="numeric" className="font-mono tracking-widest sm:max-w-48" required {...form.text('code')} />
        <Button type="submit" pending={enable.isPending} pendingLabel="Checking…">
          Turn on two-factor sign-in
        </Button>
      </form>
    </div>
  );
}
