import { useState } from 'react';
import { RecoveryCodesBody, TwoFactorDisableBody, type TwoFactorStatus } from '../../../../contracts/two-factor.js';
import { useForm } from '../../../lib/form.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import { FormDialog } from '../../../lib/ui/form-dialog.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { useDisableTwoFactor, useNewRecoveryCodes } from '../api/use-two-factor.js';
import { RecoveryCodesView } from './recovery-codes.js';

/** Two-factor sign-in is on: new recovery codes (for a current code), or off (with the password, where allowed). */
export function TwoFactorManage({ status }: { status: TwoFactorStatus }) {
  const [dialog, setDialog] = useState<'codes' | 'off' | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const renew = useNewRecoveryCodes();
  const disable = useDisableTwoFactor();
  const codeForm = useForm({ code: '' });
  const offForm = useForm({ password: '' });
  const close = () => {
    setDialog(null);
    codeForm.reset();
    offForm.reset();
  };

  if (codes) return <RecoveryCodesView codes={codes} doneLabel="Done" onDone={() => setCodes(null)} />;

  return (
    <div className="space-y-4">
      <Alert tone="success" title="Two-factor sign-in is on">
        Signing in takes your password and a code from your authenticator app. {status.recoveryCodesLeft} of 10 recovery codes left.
      </Alert>
      {status.recoveryCodesLeft <= 3 && <Alert tone="warning">Few recovery codes are left: make new ones.</Alert>}
      {status.required && <p className="text-sm text-slate-700">Your role requires two-factor sign-in, so it cannot be turned off.</p>}
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => setDialog('codes')}>
          New recovery codes
        </Button>
        {!status.required && (
          <Button variant="secondary" onClick={() => setDialog('off')}>
            Turn off two-factor sign-in
          </Button>
        )}
      </div>
      <FormDialog
        open={dialog === 'codes'}
        title="New recovery codes"
        description="The old codes stop working. Enter the current code from your app."
        submitLabel="Make new codes"
        pending={renew.isPending}
        formRef={codeForm.formRef}
        onClose={close}
        onSubmit={(event) => {
          event.preventDefault();
          const body = codeForm.validate(RecoveryCodesBody, (v) => ({ code: v.code }));
          if (body)
            renew.mutate(body.code, {
              onSuccess: (r) => {
                close();
                setCodes(r.codes);
              },
              onError: codeForm.fail,
            });
        }}
      >
        <FormAlert failure={codeForm.failure} />
        <TextField label="Code from the app" autoComplete="one-time-code" inputMode="numeric" required {...codeForm.text('code')} />
      </FormDialog>
      <FormDialog
        open={dialog === 'off'}
        title="Turn off two-factor sign-in?"
        description="Signing in will take only your password. Enter it to confirm."
        submitLabel="Turn off"
        tone="danger"
        pending={disable.isPending}
        formRef={offForm.formRef}
        onClose={close}
        onSubmit={(event) => {
          event.preventDefault();
          const body = offForm.validate(TwoFactorDisableBody, (v) => ({ password: v.password }));
          if (body) disable.mutate(body.password, { onSuccess: close, onError: offForm.fail });
        }}
      >
        <FormAlert failure={offForm.failure} />
        <TextField label="Password" type="password" autoComplete="current-password" required {...offForm.text('password')} />
      </FormDialog>
    </div>
  );
}
