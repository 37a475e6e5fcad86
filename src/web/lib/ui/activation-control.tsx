import { useState } from 'react';
import { errorMessage } from '../api-client.js';
import { Alert } from './alert.js';
import { Button } from './button.js';
import { ConfirmDialog } from './dialog.js';

/**
 * Deactivate / reactivate something after a confirmation. `what` names it in the button and
 * dialog ("hospital", "doctor" …), `name` says which one.
 */
export function ActivationControl({
  active,
  what,
  name,
  consequence,
  onChange,
}: {
  active: boolean;
  what: string;
  name: string;
  consequence: string;
  onChange: (next: boolean) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onChange(!active);
      setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  const verb = active ? 'Deactivate' : 'Reactivate';
  return (
    <>
      <Button variant={active ? 'secondary' : 'primary'} onClick={() => setOpen(true)}>
        {verb} {what}
      </Button>
      <ConfirmDialog
        open={open}
        title={`${verb} ${name}?`}
        confirmLabel={`${verb} ${what}`}
        tone={active ? 'danger' : 'primary'}
        pending={pending}
        error={error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
        onConfirm={() => void confirm()}
        onClose={() => {
          setOpen(false);
          setError(null);
        }}
      >
        {active ? consequence : `${name} will be able to use Telemedicine again.`}
      </ConfirmDialog>
    </>
  );
}
