import { useMemo, useState } from 'react';
import { MailPreferencesPatch, type MailPreferences, type MailTopic } from '../../../../contracts/mail.js';
import type { Role } from '../../../../contracts/enums.js';
import { changedFields, useForm } from '../../../lib/form.js';
import { describeZone, viewerTimeZone } from '../../../lib/datetime.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { CheckboxField } from '../../../lib/ui/checkbox-field.js';
import { FormAlert } from '../../../lib/ui/form-alert.js';
import { SelectField } from '../../../lib/ui/select-field.js';
import { useUpdateMailPreferences } from '../api/use-mail-preferences.js';

const TOPICS: { topic: MailTopic; label: string; hint: string; roles: readonly Role[] }[] = [
  { topic: 'reminders', label: 'Visit reminders', hint: 'A day and an hour before each confirmed visit, with a calendar file.', roles: ['doctor', 'patient'] },
  { topic: 'appointmentUpdates', label: 'Answers to my requests', hint: 'When a doctor approves, declines or proposes another time.', roles: ['patient'] },
  { topic: 'cancellations', label: 'Cancellations', hint: 'When a visit of mine is cancelled.', roles: ['doctor', 'patient'] },
  { topic: 'paymentDue', label: 'Fees due soon', hint: 'Six hours before an agreed visit’s fee must be paid.', roles: ['patient'] },
  { topic: 'chatMessages', label: 'Unread messages', hint: 'One mail when a conversation has messages I have not read for 15 minutes.', roles: ['doctor', 'patient'] },
];

/** Which mails a person gets, and the zone their times are written in. Mails never hold medical details. */
export function MailPreferencesForm({ prefs, role, hasHospital }: { prefs: MailPreferences; role: Role; hasHospital: boolean }) {
  const initial = { ...Object.fromEntries(TOPICS.map((t) => [t.topic, prefs[t.topic]])), timeZone: prefs.timeZone ?? '' } as Record<MailTopic, boolean> & { timeZone: string };
  const form = useForm(initial);
  const update = useUpdateMailPreferences();
  const [saved, setSaved] = useState<string | null>(null);
  // The zone chosen so far and this device's: a person away from home picks the zone where they are.
  const zones = useMemo(() => {
    const device = viewerTimeZone();
    const chosen = prefs.timeZone && prefs.timeZone !== device ? [{ value: prefs.timeZone, label: describeZone(prefs.timeZone) }] : [];
    return [...chosen, { value: device, label: `This device’s: ${describeZone(device)}` }];
  }, [prefs.timeZone]);
  const topics = TOPICS.filter((t) => t.roles.includes(role));

  const submit = form.handleSubmit(async () => {
    setSaved(null);
    const body = form.validate(MailPreferencesPatch, (v) => ({ ...Object.fromEntries(topics.map((t) => [t.topic, v[t.topic]])), timeZone: v.timeZone || null }));
    if (!body) return;
    const changes = changedFields(body, { ...prefs });
    if (Object.keys(changes).length === 0) return setSaved('Nothing to save: no changes.');
    await update.mutateAsync(changes);
    setSaved('Your email choices were saved.');
  });

  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="space-y-5" aria-label="Email notifications">
      <FormAlert failure={form.failure} />
      {saved && <Alert tone="success">{saved}</Alert>}
      {topics.length > 0 && (
        <fieldset className="space-y-4">
          <legend className="mb-2 text-sm font-semibold text-slate-900">Email me about</legend>
          {topics.map((t) => (
            <CheckboxField key={t.topic} label={t.label} hint={t.hint} {...form.checkbox(t.topic)} />
          ))}
        </fieldset>
      )}
      <SelectField
        label="Time zone of the times in my emails"
        placeholder={hasHospital ? 'My hospital’s time zone' : 'UTC'}
        options={zones}
        {...form.text('timeZone')}
      />
      <Button type="submit" pending={form.submitting}>
        Save email choices
      </Button>
    </form>
  );
}
