import { describe, expect, it } from 'vitest';
import { buildTenant, signIn, type Tenant } from '../../test/factories.js';
import { ManualClock } from '../../test/clock.js';
import { useTestApp } from '../../test/harness.js';
import { allWeek, slotsOf } from '../../test/appointments.js';
import { queuedTo } from '../../test/mail.js';

/**
 * Mail for what a person would otherwise miss when not signed in: a request approved,
 * declined or given another time, a cancellation, a fee due soon, a chat message unread for
 * 15 minutes (one mail per conversation). Each as the person chose, and never with what the
 * visit is about. (What is queued here is sent as the queue tests show.)
 */
const clock = new ManualClock('2031-03-03T03:00:00Z');
const t = useTestApp({ APPOINTMENT_PAYMENT_HOLD_HOURS: '24' }, { clock });
const MIN = 60_000;

async function tenant(fee = 50_000) {
  const T = await buildTenant(t.app, { appointmentFee: fee });
  await T.as.doctor.put(`/api/doctors/${T.doctor.id}/availability`, allWeek());
  return T;
}

async function request(T: Tenant, n = 0, symptoms = 'A private rash on the back') {
  const patient = await signIn(t.app, T.patient);
  const slot = (await slotsOf(patient, T.doctor.id))[n]!;
  return (await patient.post('/api/appointments', { doctorId: T.doctor.id, startsAt: slot.startsAt, symptoms })).body.id as string;
}

const mailsTo = async (email: string, kind?: string) => (await queuedTo(t.app, email)).filter((m) => !kind || m.kind === kind);

describe('appointment changes by mail', () => {
  it('tells the patient of an approval, a refusal and another time, without what the visit is about', async () => {
    const T = await tenant();
    const doctor = await signIn(t.app, T.doctor);
    const approved = await request(T, 0);
    await doctor.post(`/api/appointments/${approved}/approve`, {});
    const [mail] = await mailsTo(T.patient.email, 'appointment.approve');
    expect(mail!.subject).toBe(`Your appointment request was approved · ${T.hospital.name}`);
    expect(mail!.textBody).toContain('Pay the fee from the appointment page');
    expect(mail!.textBody).toContain(`/appointments/${approved}`);

    const rejected = await request(T, 2);
    await doctor.post(`/api/appointments/${rejected}/reject`, { reason: 'Secret clinical reasoning' });
    const moved = await request(T, 4);
    const later = (await slotsOf(doctor, T.doctor.id))[6]!;
    await doctor.post(`/api/appointments/${moved}/propose`, { startsAt: later.startsAt, note: 'Another private note' });

    const mails = await mailsTo(T.patient.email);
    expect(mails.map((m) => m.kind)).toEqual(['appointment.approve', 'appointment.reject', 'appointment.propose']);
    for (const m of mails) for (const secret of ['rash', 'Secret clinical', 'private note']) expect(`${m.textBody}${m.htmlBody}`).not.toContain(secret);
    // The doctor was told of nothing by mail: they did it.
    expect(await mailsTo(T.doctor.email)).toEqual([]);
  });

  it("tells the other side of a cancellation, both sides when the hospital cancels, and respects each person's choice", async () => {
    const T = await tenant();
    const [doctor, patient, admin] = [await signIn(t.app, T.doctor), await signIn(t.app, T.patient), await signIn(t.app, T.admin)];
    const first = await request(T, 0);
    await patient.post(`/api/appointments/${first}/cancel`, { reason: 'Feeling better' });
    expect((await mailsTo(T.doctor.email, 'appointment.cancel')).map((m) => m.subject)).toEqual([`A visit was cancelled · ${T.hospital.name}`]);
    expect(await mailsTo(T.patient.email, 'appointment.cancel')).toEqual([]);

    const second = await request(T, 2);
    await admin.post(`/api/appointments/${second}/cancel`, { reason: 'The doctor is away' });
    expect(await mailsTo(T.patient.email, 'appointment.cancel')).toHaveLength(1);
    expect((await mailsTo(T.doctor.email, 'appointment.cancel'))[1]!.textBody).toContain(`${T.hospital.name} cancelled the video visit`);

    await patient.patch('/api/me/mail-preferences', { appointmentUpdates: false });
    const third = await request(T, 4);
    await doctor.post(`/api/appointments/${third}/approve`, {});
    expect(await mailsTo(T.patient.email, 'appointment.approve')).toEqual([]);
  });
});

describe('a fee due soon', () => {
  it('is mailed once, six hours before it is due, and not for a visit agreed too late for it', async () => {
    const T = await tenant();
    const id = await request(T, 0);
    const late = await request(T, 2);
    await (await signIn(t.app, T.doctor)).post(`/api/appointments/${id}/approve`, {});
    await t.app.mail.schedule();
    expect(await mailsTo(T.patient.email, 'payment_due')).toEqual([]);
    clock.advance(18 * 60 * MIN + MIN);
    await t.app.mail.schedule();
    await t.app.mail.schedule();
    expect((await mailsTo(T.patient.email, 'payment_due')).map((m) => m.appointmentId)).toEqual([id]);
    const [mail] = await mailsTo(T.patient.email, 'payment_due');
    expect(mail!.subject).toBe(`Your visit's fee is due soon · ${T.hospital.name}`);
    expect(mail!.visitStatus).toBe('scheduled');

    // Paid meanwhile: the warning is dropped rather than sent.
    await (await signIn(t.app, T.admin)).post(`/api/appointments/${id}/payments/desk`, { amount: 50_000 });
    expect((await t.app.mail.deliver()).dropped).toBeGreaterThanOrEqual(1);
    expect((await mailsTo(T.patient.email, 'payment_due'))[0]!.status).toBe('dropped');

    // Agreed five hours before the visit: its fee is due at the start, and the approval said so.
    const start = new Date((await (await signIn(t.app, T.patient)).get(`/api/appointments/${late}`)).body.startsAt);
    clock.set(new Date(start.getTime() - 5 * 60 * MIN));
    await (await signIn(t.app, T.doctor)).post(`/api/appointments/${late}/approve`, {});
    await t.app.mail.schedule();
    expect((await mailsTo(T.patient.email, 'payment_due')).map((m) => m.appointmentId)).toEqual([id]);
  });
});

describe('chat messages left unread', () => {
  it('are mailed about once per conversation after 15 minutes, and again only after the person caught up', async () => {
    const T = await tenant(0);
    const id = await request(T, 0);
    const patient = await signIn(t.app, T.patient);
    await patient.post(`/api/appointments/${id}/messages`, { text: 'My rash is worse' });
    clock.advance(14 * MIN);
    expect((await t.app.mail.schedule()).chatDigests).toBe(0);
    await patient.post(`/api/appointments/${id}/messages`, { text: 'And it itches' });
    clock.advance(2 * MIN);
    expect((await t.app.mail.schedule()).chatDigests).toBe(1);
    clock.advance(20 * MIN);
    expect((await t.app.mail.schedule()).chatDigests).toBe(0);
    const [mail] = await mailsTo(T.doctor.email, 'chat_unread');
    expect(mail!.subject).toMatch(/^New message from Ram Thapa/);
    expect(mail!.textBody).toContain('You have a new message from');
    expect(mail!.textBody).not.toContain('rash');
    expect(mail!.textBody).not.toContain('itches');

    const doctor = await signIn(t.app, T.doctor);
    const history = await doctor.get(`/api/appointments/${id}/messages`);
    await doctor.post(`/api/appointments/${id}/messages/read`, { upToSeq: Math.max(...history.body.items.map((m: { seq: number }) => m.seq)) });
    await patient.post(`/api/appointments/${id}/messages`, { text: 'Hello again' });
    clock.advance(16 * MIN);
    expect((await t.app.mail.schedule()).chatDigests).toBe(1);
    expect(await mailsTo(T.doctor.email, 'chat_unread')).toHaveLength(2);

    // A person who chose not to hear of messages is not mailed.
    await (await signIn(t.app, T.patient)).patch('/api/me/mail-preferences', { chatMessages: false });
    await (await signIn(t.app, T.doctor)).post(`/api/appointments/${id}/messages`, { text: 'Please come in' });
    clock.advance(16 * MIN);
    expect((await t.app.mail.schedule()).chatDigests).toBe(0);
  });
});
