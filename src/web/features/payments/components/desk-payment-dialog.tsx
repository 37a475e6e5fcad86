import type { AppointmentDetail } from '../../../../contracts/appointments.js';
import { DeskPaymentCreate } from '../../../../contracts/payments.js';
import { doctorName, personName } from '../../../../contracts/people.js';
import { formatDateTimeIn } from '../../../lib/datetime.js';
import { optional, useForm } from '../../../lib/form.js';
import { formatPaisa } from '../../../lib/money.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import { FormDialog } from '../../../lib/ui/form-dialog.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { useRecordDeskPayment } from '../api/use-payments.js';

/**
 * A hospital admin records the fee paid in cash at the desk: the amount is the visit's fee
 * (the server refuses any other), the desk receipt's number is optional. It confirms the visit.
 */
export function DeskPaymentDialog({
  appointment: a,
  open,
  onClose,
  onDone,
}: {
  appointment: AppointmentDetail;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const form = useForm({ reference: '' });
  const record = useRecordDeskPayment(a.id);
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.handleSubmit(async () => {
    const body = form.validate(DeskPaymentCreate, (v) => ({ amount: a.fee, reference: optional(v.reference) }));
    if (!body) return;
    await record.mutateAsync(body);
    form.reset();
    onDone(`Desk payment of ${formatPaisa(a.fee)} recorded. The visit is confirmed and ${personName(a.patient)} has been told.`);
  });
  return (
    <FormDialog
      open={open}
      title="Record a desk payment?"
      description={
        <>
          <p>
            {personName(a.patient)} paid <strong className="text-slate-900">{formatPaisa(a.fee)}</strong> at the desk for the visit with {doctorName(a.doctor)} on{' '}
            {formatDateTimeIn(a.startsAt)}.
          </p>
          <p className="mt-2">This confirms the visit, tells the patient and is recorded in the audit log with your name. It cannot be undone here.</p>
        </>
      }
      submitLabel={`Record ${formatPaisa(a.fee)} paid`}
      cancelLabel="Go back"
      pending={form.submitting}
      formRef={form.formRef}
      onSubmit={submit}
      onClose={close}
    >
      <FormAlert failure={form.failure} />
      <TextField label="Desk receipt number" hint="The number on the paper receipt, if there is one." optional autoComplete="off" {...form.text('reference')} />
    </FormDialog>
  );
}
