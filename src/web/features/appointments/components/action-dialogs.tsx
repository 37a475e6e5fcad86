import { useQueryClient } from '@tanstack/react-query';
import { ActionBodies, type AppointmentDetail } from '../../../../contracts/appointments.js';
import type { Slot } from '../../../../contracts/availability.js';
import { ApiError } from '../../../lib/api-client.js';
import { formatDateTimeIn } from '../../../lib/datetime.js';
import { formatPaisa } from '../../../lib/money.js';
import { policyHoursText, refundOnPatientCancel } from '../../../entities/hospitals/refund-policy.js';
import { useMe } from '../../../lib/session.js';
import { visitPaid } from '../../../entities/appointments/visit-paid.js';
import { Alert } from '../../../lib/ui/alert.js';
import { optional, useForm } from '../../../lib/form.js';
import { FormDialog } from '../../../lib/ui/form-dialog.js';
import { TextAreaField } from '../../../lib/ui/textarea-field.js';
import { useAppointmentAction, type ActionRequest } from '../api/use-appointments.js';
import { SlotPicker } from './slot-picker.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';

type TextAction = 'reject' | 'cancel' | 'decline-proposal' | 'complete';

interface TextDialogSpec {
  title: string;
  description: string;
  field: 'reason' | 'notes';
  label: string;
  hint?: string;
  required: boolean;
  submitLabel: string;
  tone: 'primary' | 'danger';
  done: string;
}

const TEXT_DIALOGS: Record<TextAction, TextDialogSpec> = {
  reject: {
    title: 'Reject this request?',
    description: 'The patient is told at once, with your reason, and the time is released.',
    field: 'reason',
    label: 'Reason for the patient',
    hint: 'For example: “Please see a dermatologist for this.”',
    required: true,
    submitLabel: 'Reject request',
    tone: 'danger',
    done: 'You rejected the request. The patient has been told why.',
  },
  cancel: {
    title: 'Cancel this appointment?',
    description: 'The other side is told at once, with your reason, and the time is released. This cannot be undone.',
    field: 'reason',
    label: 'Reason for cancelling',
    required: true,
    submitLabel: 'Cancel appointment',
    tone: 'danger',
    done: 'The appointment is cancelled.',
  },
  'decline-proposal': {
    title: 'Decline the proposed time?',
    description: 'The appointment is cancelled and the doctor is told. You can book another time afterwards.',
    field: 'reason',
    label: 'Reason for the doctor',
    required: false,
    submitLabel: 'Decline and cancel',
    tone: 'danger',
    done: 'You declined the proposed time; the appointment is cancelled.',
  },
  complete: {
    title: 'Complete the visit',
    description: 'Your notes are kept with the appointment. The patient and the hospital’s staff can read them.',
    field: 'notes',
    label: 'Visit notes',
    hint: 'Findings, advice and any prescriptions.',
    required: true,
    submitLabel: 'Complete visit',
    tone: 'primary',
    done: 'The visit is completed.',
  },
};

/** After a refusal that means "things changed meanwhile", show the appointment as it is now. */
function useRefreshOnConflict(id: string) {
  const queryClient = useQueryClient();
  return (error: unknown) => {
    if (error instanceof ApiError && (error.status === 409 || error.status === 403)) {
      void invalidate(queryClient, invalidations.appointmentChanged());
    }
  };
}

/** A reason or notes, asked for in a dialog before the action is sent. */
export function TextActionDialog({
  appointment,
  action,
  open,
  onClose,
  onDone,
}: {
  appointment: AppointmentDetail;
  action: TextAction;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const spec = TEXT_DIALOGS[action];
  const form = useForm(
    { text: '' },
    { schema: ActionBodies[action], toBody: (v) => ({ [spec.field]: spec.required ? v.text : optional(v.text) }) },
  );
  const mutation = useAppointmentAction(appointment.id);
  const refresh = useRefreshOnConflict(appointment.id);
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.handleSubmit(async (body) => {
    try {
      await mutation.mutateAsync({ action, body } as ActionRequest);
    } catch (error) {
      refresh(error);
      throw error;
    }
    form.reset();
    onDone(spec.done);
  });
  return (
    <FormDialog
      open={open}
      title={spec.title}
      description={spec.description}
      submitLabel={spec.submitLabel}
      cancelLabel="Go back"
      tone={spec.tone}
      form={form}
      onSubmit={submit}
      onClose={close}
    >
      {action === 'cancel' && <CancelRefundNote appointment={appointment} />}
      <TextAreaField
        label={spec.label}
        hint={spec.hint}
        rows={spec.field === 'notes' ? 8 : 4}
        required={spec.required}
        optional={!spec.required}
        name="text"
        value={form.values.text}
        error={form.errors[spec.field] ?? form.errors.text}
        onChange={(e) => form.setValue('text', e.target.value)}
      />
    </FormDialog>
  );
}

/**
 * Before a paid visit is cancelled, what happens to the money: the patient reads the
 * hospital's refund policy as it applies now; the doctor and staff, that the patient is
 * refunded in full.
 */
function CancelRefundNote({ appointment: a }: { appointment: AppointmentDetail }) {
  const me = useMe();
  if (a.status !== 'confirmed' || visitPaid(a) !== 'paid') return null;
  const fee = formatPaisa(a.fee);
  if (a.patient.id !== me.id) return <Alert tone="info">The patient paid {fee}: cancelling refunds it to them in full.</Alert>;
  const policy = refundOnPatientCancel(a.startsAt, a.refundFullUntilHours);
  const rule = `${a.hospitalName} refunds a cancelled visit in full ${policyHoursText(a.refundFullUntilHours)}`;
  return policy.full ? (
    <Alert tone="info" title={`You get ${fee} back in full`}>
      {rule}: cancel now and the fee is refunded.
    </Alert>
  ) : (
    <Alert tone="warning" title="No refund">
      {rule} ({formatDateTimeIn(policy.until.toISOString())}). That time has passed, so you would not get the {fee} back.
    </Alert>
  );
}

/** The doctor offers another of their free times, with an optional note. */
export function ProposeDialog({
  appointment,
  open,
  onClose,
  onDone,
}: {
  appointment: AppointmentDetail;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const form = useForm(
    { startsAt: '', note: '' },
    {
      schema: ActionBodies.propose,
      toBody: (v, addError) => {
        if (!v.startsAt) addError('startsAt', 'Choose one of your free times');
        return { startsAt: v.startsAt || undefined, note: optional(v.note) };
      },
    },
  );
  const mutation = useAppointmentAction(appointment.id);
  const refresh = useRefreshOnConflict(appointment.id);
  const queryClient = useQueryClient();
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.handleSubmit(async (body) => {
    try {
      await mutation.mutateAsync({ action: 'propose', body });
    } catch (error) {
      if (error instanceof ApiError && ['slot_unavailable', 'start_in_past', 'slot_misaligned', 'outside_availability'].includes(String(error.code))) {
        await invalidate(queryClient, invalidations.freeTimesChanged(appointment.doctor.id));
        form.setValue('startsAt', '');
      }
      refresh(error);
      throw error;
    }
    form.reset();
    onDone('You proposed another time. The patient has been told and can accept or decline it.');
  });
  return (
    <FormDialog
      open={open}
      wide
      title="Propose another time"
      description={`The patient asked for ${formatDateTimeIn(appointment.requestedStartsAt ?? appointment.startsAt)}. Choose one of your free times instead; they accept or decline it.`}
      submitLabel="Send proposal"
      cancelLabel="Go back"
      form={form}
      onSubmit={submit}
      onClose={close}
    >
      <SlotPicker
        compact
        legend="Your free times"
        doctorId={appointment.doctor.id}
        value={form.values.startsAt || null}
        onChange={(slot: Slot | null) => form.setValue('startsAt', slot?.startsAt ?? '')}
        error={form.errors.startsAt}
      />
      <TextAreaField label="Note for the patient" rows={3} optional {...form.text('note')} />
    </FormDialog>
  );
}
