import { useMemo } from 'react';
import { DEFAULT_REFUND_FULL_UNTIL_HOURS, HospitalCreate, type Hospital } from '../../../../contracts/hospitals.js';
import { currentZoneName, formerZoneNames } from '../../../../contracts/time-zones.js';
import { timeZoneOptions, zoneName } from '../../../lib/datetime.js';
import { integer, useForm } from '../../../lib/form.js';
import { paisaToRupeesInput, parseRupees } from '../../../lib/money.js';
import { FormFrame } from '../../../lib/ui/form-frame.js';
import { ComboboxField } from '../../../lib/ui/combobox-field.js';
import { TextAreaField } from '../../../lib/ui/textarea-field.js';
import { TextField } from '../../../lib/ui/text-field.js';
import { CheckboxField } from '../../../lib/ui/checkbox-field.js';
import { useMe } from '../../../lib/session.js';

const DEFAULT_ZONE = 'Asia/Kathmandu';

function initialValues(h?: Hospital) {
  return {
    name: h?.name ?? '',
    address: h?.address ?? '',
    phone: h?.phone ?? '',
    email: h?.email ?? '',
    timezone: h ? currentZoneName(h.timezone) : DEFAULT_ZONE,
    appointmentFee: h ? paisaToRupeesInput(h.appointmentFee) : '',
    adminTwoFactorRequired: h?.adminTwoFactorRequired ?? (false as boolean),
    refundFullUntilHours: String(h?.refundFullUntilHours ?? DEFAULT_REFUND_FULL_UNTIL_HOURS),
  };
}

/**
 * Create or edit a hospital's details. The fee is typed in rupees and sent as paisa; the refund
 * policy is the hours before a visit until which a patient's own cancellation is refunded in full.
 */
export function HospitalForm({
  hospital,
  submitLabel,
  onSubmit,
  onCancel,
  label,
}: {
  label: string;
  hospital?: Hospital;
  submitLabel: string;
  onSubmit: (body: HospitalCreate) => Promise<unknown>;
  onCancel?: () => void;
}) {
  // A hospital's admin may require a second factor of the admins, but only the platform's may drop the requirement.
  const locked = useMe().role !== 'super_admin' && !!hospital?.adminTwoFactorRequired;
  const form = useForm(initialValues(hospital), {
    schema: HospitalCreate,
    toBody: (v, addError) => {
      const fee = parseRupees(v.appointmentFee);
      if (!fee.ok) addError('appointmentFee', fee.message);
      return {
        ...v,
        appointmentFee: fee.ok ? fee.paisa : 0,
        refundFullUntilHours: integer(v.refundFullUntilHours, 'refundFullUntilHours', addError, true),
      };
    },
  });
  const zone = form.values.timezone;
  const zones = useMemo(() => timeZoneOptions(zone).map((z) => ({ value: z, description: zoneName(z), keywords: formerZoneNames(z).join(' ') })), [zone]);

  return (
    <FormFrame form={form} label={label} onSubmit={form.handleSubmit(onSubmit)} submitLabel={submitLabel} onCancel={onCancel}>
      <TextField label="Hospital name" required autoComplete="off" {...form.text('name')} />
      <TextAreaField label="Address" rows={2} required {...form.text('address')} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Phone" type="tel" inputMode="tel" required {...form.text('phone')} />
        <TextField label="Email address" type="email" inputMode="email" required {...form.text('email')} />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <ComboboxField
          label="Time zone"
          hint="Doctors’ hours are set in this zone. Type a city, country or zone name."
          required
          noun="time zones"
          name="timezone"
          options={zones}
          value={zone}
          error={form.errors.timezone}
          onChange={(z) => form.setValue('timezone', z)}
        />
        <TextField
          label="Appointment fee (Rs)"
          hint="In rupees, e.g. 1500 or 1500.50."
          inputMode="decimal"
          required
          {...form.text('appointmentFee')}
        />
      </div>
      <TextField
        label="Full refund until (hours before the visit)"
        hint="A patient who cancels a paid visit at least this many hours before it gets the fee back in full; later, nothing. From 0 to 720. When the doctor or the hospital cancels, the fee is always refunded in full."
        inputMode="numeric"
        required
        fieldClassName="sm:max-w-xs"
        {...form.text('refundFullUntilHours')}
      />
      <CheckboxField
        label="Require two-factor sign-in for this hospital’s administrators"
        hint={
          locked
            ? 'Required. Only the platform administrator can stop requiring it.'
            : 'Administrators then sign in with a password and a code from an authenticator app; those without one set it up at their next request.'
        }
        disabled={locked}
        {...form.checkbox('adminTwoFactorRequired')}
      />
    </FormFrame>
  );
}
