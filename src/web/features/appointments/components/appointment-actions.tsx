import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AppointmentAction, AppointmentDetail } from '../../../../contracts/appointments.js';
import { ApiError, errorMessage } from '../../../lib/api-client.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { useAppointmentAction } from '../api/use-appointments.js';
import { ProposeDialog, TextActionDialog } from './action-dialogs.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';

type Direct = 'approve' | 'accept-proposal' | 'start';
type Dialog = Exclude<AppointmentAction, Direct>;

const DIRECT: Record<Direct, { label: string; pending: string; done: (a: AppointmentDetail) => string }> = {
  approve: {
    label: 'Approve',
    pending: 'Approving…',
    done: (a) => (a.status === 'confirmed' ? 'You approved the appointment; it is confirmed.' : 'You approved the appointment. The patient now pays the fee to confirm it.'),
  },
  'accept-proposal': {
    label: 'Accept the new time',
    pending: 'Accepting…',
    done: (a) => (a.status === 'confirmed' ? 'You accepted the new time; the appointment is confirmed.' : 'You accepted the new time. Pay the fee by the due time to confirm the visit.'),
  },
  start: { label: 'Start the visit', pending: 'Starting…', done: () => 'The visit has started.' },
};

const DIALOG_BUTTONS: Record<Dialog, { label: string; variant: 'primary' | 'secondary' | 'danger' }> = {
  propose: { label: 'Propose another time', variant: 'secondary' },
  reject: { label: 'Reject', variant: 'danger' },
  'decline-proposal': { label: 'Decline the new time', variant: 'secondary' },
  cancel: { label: 'Cancel appointment', variant: 'secondary' },
  complete: { label: 'Complete the visit', variant: 'primary' },
};

/** Buttons in this order, whatever order the API lists them in. */
const ORDER: AppointmentAction[] = ['approve', 'accept-proposal', 'start', 'complete', 'propose', 'decline-proposal', 'reject', 'cancel'];

/**
 * Exactly the actions the API says the viewer may take now (`actions`), as buttons; those that
 * need a reason, notes or a new time ask for it in a dialog first.
 */
export function AppointmentActions({ appointment, onDone }: { appointment: AppointmentDetail; onDone: (message: string) => void }) {
  const [open, setOpen] = useState<Dialog | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mutation = useAppointmentAction(appointment.id);
  const queryClient = useQueryClient();
  const actions = ORDER.filter((a) => appointment.actions.includes(a));
  if (actions.length === 0) return null;

  const run = (action: Direct) => {
    setError(null);
    mutation.mutate(
      { action, body: {} },
      {
        onSuccess: (a) => onDone(DIRECT[action].done(a)),
        onError: (e) => {
          setError(e);
          if (e instanceof ApiError && (e.status === 409 || e.status === 403)) {
            void invalidate(queryClient, invalidations.appointmentChanged());
          }
        },
      },
    );
  };
  const finish = (message: string) => {
    setOpen(null);
    onDone(message);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {actions.map((action) =>
          action in DIRECT ? (
            <Button
              key={action}
              onClick={() => run(action as Direct)}
              pending={mutation.isPending && mutation.variables?.action === action}
              pendingLabel={DIRECT[action as Direct].pending}
              disabled={mutation.isPending}
            >
              {DIRECT[action as Direct].label}
            </Button>
          ) : (
            <Button
              key={action}
              variant={DIALOG_BUTTONS[action as Dialog].variant}
              disabled={mutation.isPending}
              onClick={() => {
                setError(null);
                setOpen(action as Dialog);
              }}
            >
              {DIALOG_BUTTONS[action as Dialog].label}
            </Button>
          ),
        )}
      </div>
      {error !== null && (
        <Alert tone="error" title="That did not go through">
          {errorMessage(error)}
        </Alert>
      )}
      {actions.includes('propose') && (
        <ProposeDialog appointment={appointment} open={open === 'propose'} onClose={() => setOpen(null)} onDone={finish} />
      )}
      {(['reject', 'cancel', 'decline-proposal', 'complete'] as const)
        .filter((a) => actions.includes(a))
        .map((a) => (
          <TextActionDialog key={a} appointment={appointment} action={a} open={open === a} onClose={() => setOpen(null)} onDone={finish} />
        ))}
    </div>
  );
}
