import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { AppointmentCreate } from '../../../../contracts/appointments.js';
import type { Slot } from '../../../../contracts/availability.js';
import { hospitalQuery } from '../../../entities/hospitals/hospital-api.js';
import { ApiError } from '../../../lib/api-client.js';
import { formatDateTimeIn } from '../../../lib/datetime.js';
import { useForm } from '../../../lib/form.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';
import { formatPaisa } from '../../../lib/money.js';
import { useMe } from '../../../lib/session.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button, ButtonLink } from '../../../lib/ui/button.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import { TextAreaField } from '../../../lib/ui/textarea-field.js';
import { useRequestAppointment } from '../api/use-appointments.js';
import { SlotPicker } from './slot-picker.js';

/** Answers that mean "pick another time": the list of free times is refreshed and the choice cleared. */
const SLOT_PROBLEMS: Record<string, string> = {
  slot_unavailable: 'Someone else just took that time. The free times below are up to date now: choose another.',
  start_in_past: 'That time has already passed. The free times below are up to date now: choose another.',
  slot_misaligned: 'That time is no longer one of the doctor’s slots. Choose one of the times below.',
  outside_availability: 'The doctor no longer sees patients at that time. Choose one of the times below.',
};

/** A patient picks one of a doctor's free times and says why they need the visit; `cancelTo` is where Cancel leads. */
export function BookingForm({ doctorId, doctorLabel, cancelTo }: { doctorId: string; doctorLabel: string; cancelTo: string }) {
  const form = useForm(
    { startsAt: '', symptoms: '' },
    {
      schema: AppointmentCreate,
      toBody: (v, addError) => {
        if (!v.startsAt) addError('startsAt', 'Choose one of the free times');
        return { doctorId, startsAt: v.startsAt || undefined, symptoms: v.symptoms };
      },
    },
  );
  const request = useRequestAppointment();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [slotNotice, setSlotNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const choose = (slot: Slot | null) => {
    // The picker unchooses a time that went while the form was open (booked, or its time came).
    if (!slot && form.values.startsAt) setSlotNotice('The time you chose was just taken or has passed. The free times below are up to date: choose another.');
    form.setValue('startsAt', slot?.startsAt ?? '');
    if (slot) setSlotNotice(null);
  };

  const send = form.handleSubmit(async (body) => {
    try {
      const created = await request.mutateAsync(body);
      void navigate(`/appointments/${created.id}`, { state: { requested: true } });
    } catch (error) {
      const code = error instanceof ApiError ? error.code : undefined;
      if (code && code in SLOT_PROBLEMS) {
        // The time is gone: show the fresh list and say so where the eyes (and focus) are.
        await invalidate(queryClient, invalidations.freeTimesChanged(doctorId));
        form.setValue('startsAt', '');
        setSlotNotice(SLOT_PROBLEMS[code]!);
        requestAnimationFrame(() => noticeRef.current?.focus());
        return;
      }
      if (code === 'doctor_unavailable') {
        await invalidate(queryClient, invalidations.doctorChanged(doctorId));
      }
      throw error;
    }
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSlotNotice(null);
    void send();
  };

  const chosen = form.values.startsAt;
  return (
    <form ref={form.formRef} aria-label="Request an appointment" noValidate onSubmit={submit} className="min-w-0 space-y-6">
      <FormAlert failure={form.failure} />
      {slotNotice && (
        <div ref={noticeRef} tabIndex={-1} className="outline-none">
          <Alert tone="warning" title="That time is no longer free">
            {slotNotice}
          </Alert>
        </div>
      )}
      <SlotPicker doctorId={doctorId} value={chosen || null} onChange={choose} error={form.errors.startsAt} />
      <p className="rounded-lg bg-brand-50 p-3 text-sm text-slate-900" aria-live="polite">
        {chosen ? (
          <>
            You are asking for <strong>{formatDateTimeIn(chosen)}</strong> with {doctorLabel}.
          </>
        ) : (
          'No time chosen yet.'
        )}
      </p>
      <TextAreaField
        label="Symptoms or reason for the visit"
        hint="What is wrong, since when, and anything the doctor should know first. Only the doctor and your hospital’s staff see it."
        rows={5}
        required
        {...form.text('symptoms')}
      />
      <VisitFee />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={form.submitting} pendingLabel="Requesting…">
          Request appointment
        </Button>
        <ButtonLink to={cancelTo} variant="secondary">
          Cancel
        </ButtonLink>
      </div>
      <p className="text-sm text-slate-700">
        The doctor approves the time, proposes another or declines. Once a time is agreed, the fee is due before the visit.
      </p>
    </form>
  );
}

/** What the visit costs, said before the patient asks for it. */
function VisitFee() {
  const me = useMe();
  const fee = useQuery({
    ...hospitalQuery(me.hospitalId ?? ''),
    enabled: !!me.hospitalId,
    select: (h) => h.appointmentFee,
    staleTime: 5 * 60_000,
  });
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-900">
      {fee.isPending ? (
        <p>Checking the fee…</p>
      ) : fee.isError ? (
        <p>The fee could not be loaded just now; it is shown on the appointment once the time is agreed.</p>
      ) : fee.data === 0 ? (
        <p>
          <span className="font-semibold">No fee:</span> {me.hospitalName ?? 'your hospital'} charges nothing for online visits.
        </p>
      ) : (
        <p>
          <span className="font-semibold">Fee: {formatPaisa(fee.data)}.</span> Nothing is charged for the request; you pay once the doctor
          agrees a time, before the visit.
        </p>
      )}
    </div>
  );
}
