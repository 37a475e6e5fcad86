import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments } from '../../db/schema/index.js';
import { buildTenant, signIn, TEST_TIMEZONE, type Tenant } from '../../test/factories.js';
import { ManualClock } from '../../test/clock.js';
import { Client, useTestApp } from '../../test/harness.js';
import { allWeek, slotsOf } from '../../test/appointments.js';
import { queuedTo } from '../../test/mail.js';
import { TestSmtp } from '../../test/smtp.js';
import { formatInZone } from '../appointments/format.js';

/**
 * Reminders before confirmed visits, on a clock the test moves: at each offset (24 h and 1 h),
 * to both sides, in each one's time zone, with the calendar file and the links; once each,
 * however many instances look; never for a visit cancelled or moved meanwhile (a moved visit
 * gets reminders of its own); none whose moment came before the visit was confirmed.
 */
const clock = new ManualClock('2031-03-03T03:00:00Z');
const t = useTestApp({}, { clock });
const PUBLIC_URL = 'https://care.example.test';
const HOUR = 3_600_000;
let smtp: TestSmtp;
let app: FastifyInstance;
let second: FastifyInstance;
let T: Tenant;

beforeAll(async () => {
  smtp = await TestSmtp.start();
  const env = { SMTP_URL: smtp.url, PUBLIC_URL };
  app = await t.another(env);
  second = await t.another(env);
  // A free visit: approving it confirms it at once.
  T = await buildTenant(app, { appointmentFee: 0 });
  await T.as.doctor.put(`/api/doctors/${T.doctor.id}/availability`, allWeek());
});
afterAll(() => smtp.close());

/** Signed in afresh: the clock moves by days here, and sessions end. */
const patient = () => signIn(app, T.patient);
const doctor = () => signIn(app, T.doctor);

/** A confirmed visit at the n-th free slot two to three days ahead (by the clock now), or at the first one `pick` accepts. */
async function confirmedVisit(n: number, pick?: (startsAt: Date) => boolean) {
  const p = await patient();
  const free = await slotsOf(p, T.doctor.id, pick ? 1 : 2, 3);
  const slot = (pick ? free.find((s) => pick(new Date(s.startsAt))) : free[n])!;
  const id = (await p.post('/api/appointments', { doctorId: T.doctor.id, startsAt: slot.startsAt, symptoms: 'A private rash on the back' })).body.id as string;
  expect((await (await doctor()).post(`/api/appointments/${id}/approve`, {})).body.status).toBe('confirmed');
  return { id, startsAt: new Date(slot.startsAt) };
}

const remindersTo = (email: string) => smtp.to(email).filter((m) => m.subject?.startsWith('Reminder'));

const schedule = async () => (await app.mail.schedule()).reminders;
const reminders = async (email: string, id: string) => (await queuedTo(app, email)).filter((m) => m.kind === 'visit_reminder' && m.appointmentId === id);

describe('visit reminders', () => {
  it('go 24 hours and 1 hour before, to both sides, in their zones, with the calendar file, once each', async () => {
    const visit = await confirmedVisit(0);
    expect((await (await patient()).patch('/api/me/mail-preferences', { timeZone: 'America/New_York' })).status).toBe(200);
    expect(await schedule()).toBe(0);

    clock.set(new Date(visit.startsAt.getTime() - 24 * HOUR + 60_000));
    const [a, b] = await Promise.all([app.mail.schedule(), second.mail.schedule()]);
    expect(a.reminders + b.reminders).toBe(2);
    expect(await schedule()).toBe(0);
    await Promise.all([app.mail.deliver(), second.mail.deliver()]);

    const [toPatient] = remindersTo(T.patient.email);
    const [toDoctor] = remindersTo(T.doctor.email);
    expect(toPatient!.subject).toMatch(/^Reminder: video visit with Dr Asha .* in 24 hours · /);
    expect(toPatient!.text).toContain(`It starts ${formatInZone(visit.startsAt, 'America/New_York')}.`);
    expect(toDoctor!.text).toContain(`It starts ${formatInZone(visit.startsAt, TEST_TIMEZONE)}.`);
    for (const mail of [toPatient!, toDoctor!]) {
      expect(mail.text).toContain(`${PUBLIC_URL}/appointments/${visit.id}`);
      expect(mail.text).toContain(`${PUBLIC_URL}/video-call/test-devices`);
      expect(mail.html).toContain(`${PUBLIC_URL}/appointments/${visit.id}`);
      expect(mail.text).not.toContain('rash');
      const [ics] = mail.attachments;
      expect(ics!.contentType).toBe('text/calendar');
      const calendar = ics!.content.toString();
      expect(calendar).toContain(`UID:${visit.id}@telemedicine`);
      expect(calendar).toContain(`DTSTART:${visit.startsAt.toISOString().replace(/[-:]/g, '').replace('.000', '')}`);
      expect(calendar).toContain('STATUS:CONFIRMED');
      expect(calendar).not.toContain('rash');
    }

    clock.set(new Date(visit.startsAt.getTime() - HOUR + 60_000));
    expect(await schedule()).toBe(2);
    await app.mail.deliver();
    expect(remindersTo(T.patient.email).at(-1)!.subject).toContain('in 1 hour');
    clock.set(new Date(visit.startsAt.getTime() - 10 * 60_000));
    expect(await schedule()).toBe(0);
    expect(await reminders(T.patient.email, visit.id)).toHaveLength(2);
  });

  it('are not sent for a visit cancelled before they leave', async () => {
    const visit = await confirmedVisit(0);
    clock.set(new Date(visit.startsAt.getTime() - 24 * HOUR + 60_000));
    expect(await schedule()).toBe(2);
    expect((await (await patient()).post(`/api/appointments/${visit.id}/cancel`, { reason: 'Feeling better' })).status).toBe(200);
    const run = await app.mail.deliver();
    expect(run.dropped).toBe(2);
    expect((await reminders(T.doctor.email, visit.id)).map((m) => m.status)).toEqual(['dropped']);
    expect((await reminders(T.patient.email, visit.id)).map((m) => m.status)).toEqual(['dropped']);
    expect(smtp.messages.filter((m) => m.text?.includes(visit.id) && m.subject?.startsWith('Reminder'))).toEqual([]);
    clock.set(new Date(visit.startsAt.getTime() - HOUR + 60_000));
    expect(await schedule()).toBe(0);
  });

  it("drop a moved visit's old reminders and send the new time's own", async () => {
    const visit = await confirmedVisit(0);
    const later = (await slotsOf(await patient(), T.doctor.id, 3, 4)).at(-1)!;
    clock.set(new Date(visit.startsAt.getTime() - 24 * HOUR + 60_000));
    expect(await schedule()).toBe(2);
    // The lifecycle cannot move a confirmed visit yet; a future reschedule would change its time like this.
    await app.db.update(appointments).set({ startsAt: new Date(later.startsAt), endsAt: new Date(later.endsAt) }).where(eq(appointments.id, visit.id));
    expect((await app.mail.deliver()).dropped).toBe(2);
    expect(await schedule()).toBe(0);
    clock.set(new Date(new Date(later.startsAt).getTime() - 24 * HOUR + 60_000));
    expect(await schedule()).toBe(2);
    expect((await app.mail.deliver()).sent).toBe(2);
    const sent = (await reminders(T.patient.email, visit.id)).filter((m) => m.status === 'sent');
    expect(sent.map((m) => m.visitStartsAt!.toISOString())).toEqual([new Date(later.startsAt).toISOString()]);
  });

  it('skip a moment that came before the visit was confirmed, and follow what each person chose', async () => {
    const p = await patient();
    const slot = (await slotsOf(p, T.doctor.id))[0]!;
    const startsAt = new Date(slot.startsAt);
    const id = (await p.post('/api/appointments', { doctorId: T.doctor.id, startsAt: slot.startsAt, symptoms: 'Fever' })).body.id as string;
    clock.set(new Date(startsAt.getTime() - 3 * HOUR));
    const d = await doctor();
    await d.post(`/api/appointments/${id}/approve`, {});
    expect(await schedule()).toBe(0);
    await d.patch('/api/me/mail-preferences', { reminders: false });
    clock.set(new Date(startsAt.getTime() - HOUR + 60_000));
    expect(await schedule()).toBe(1);
    expect(await reminders(T.patient.email, id)).toHaveLength(1);
    expect(await reminders(T.doctor.email, id)).toHaveLength(0);
    await (await doctor()).patch('/api/me/mail-preferences', { reminders: true });
  });

  it('follow REMINDER_OFFSETS', async () => {
    const custom = await t.another({ SMTP_URL: smtp.url, PUBLIC_URL, REMINDER_OFFSETS: '2d, 30m' });
    expect(custom.config.mail.reminderOffsetsMs).toEqual([2 * 24 * HOUR, 30 * 60_000]);
    // Less than two days ahead whatever the time of day: the 2-day reminder's moment has passed.
    const visit = await confirmedVisit(0, (at) => at.getTime() - clock.now().getTime() > 25 * HOUR && at.getTime() - clock.now().getTime() < 47 * HOUR);
    clock.set(new Date(visit.startsAt.getTime() - 24 * HOUR + 60_000));
    expect((await custom.mail.schedule()).reminders).toBe(0);
    clock.set(new Date(visit.startsAt.getTime() - 30 * 60_000 + 60_000));
    expect((await custom.mail.schedule()).reminders).toBe(2);
    expect((await reminders(T.patient.email, visit.id))[0]!.subject).toContain('in 30 minutes');
    await app.mail.deliver();
  });
});

describe('mail preferences', () => {
  it('are everything by default, change in part, and refuse nonsense', async () => {
    const client = new Client(app);
    expect((await client.get('/api/me/mail-preferences')).status).toBe(401);
    const me = await signIn(app, T.admin);
    expect((await me.get('/api/me/mail-preferences')).body).toEqual({ reminders: true, appointmentUpdates: true, cancellations: true, paymentDue: true, chatMessages: true, timeZone: null });
    expect((await me.patch('/api/me/mail-preferences', { chatMessages: false, timeZone: 'asia/tokyo' })).body).toMatchObject({ chatMessages: false, reminders: true, timeZone: 'Asia/Tokyo' });
    expect((await me.patch('/api/me/mail-preferences', {})).status).toBe(400);
    expect((await me.patch('/api/me/mail-preferences', { timeZone: 'Mars/Olympus' })).body.code).toBe('validation_failed');
    expect((await me.patch('/api/me/mail-preferences', { reminders: 'yes' })).body.code).toBe('validation_failed');
    expect((await me.patch('/api/me/mail-preferences', { timeZone: null })).body.timeZone).toBeNull();
  });
});
