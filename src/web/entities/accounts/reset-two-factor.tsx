import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../lib/api-client.js';
import { invalidate, invalidations } from '../../lib/invalidations.js';
import { Alert } from '../../lib/ui/alert.js';
import { Button } from '../../lib/ui/button.js';
import { ConfirmDialog } from '../../lib/ui/dialog.js';

/**
 * An admin turns off someone's two-factor sign-in (a lost phone), after a confirmation. The
 * server audits it, signs the person out everywhere and tells them by mail. Shown only while
 * the person has one.
 */
export function ResetTwoFactorControl({ userId, name, enabled }: { userId: string; name: string; enabled: boolean }) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: () => api.send('DELETE', `/api/users/${userId}/two-factor`),
    onSuccess: () => {
      setOpen(false);
      // Whichever record shows this person (doctor, patient, administrator) reads it again.
      void invalidate(queryClient, invalidations.secondFactorReset());
    },
  });
  if (!enabled) return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Reset two-factor sign-in
      </Button>
      <ConfirmDialog
        open={open}
        title={`Reset ${name}’s two-factor sign-in?`}
        confirmLabel="Reset two-factor sign-in"
        tone="danger"
        pending={reset.isPending}
        error={reset.isError ? <Alert tone="error">{errorMessage(reset.error)}</Alert> : null}
        onConfirm={() => reset.mutate()}
        onClose={() => {
          setOpen(false);
          reset.reset();
        }}
      >
        Do this only when you are sure it is really them asking (say, they lost their phone). They are signed out everywhere, told by
        email, and sign in with their password alone until they set up their app again. This is recorded in the audit log.
      </ConfirmDialog>
    </>
  );
}
