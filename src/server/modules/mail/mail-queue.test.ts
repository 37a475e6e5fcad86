import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outgoingMail } from '../../db/schema/index.js';
import { buildHospital, buildUser } from '../../test/factories.js';
import { ManualClock } from '../../test/clock.js';
import { Client, useTestApp } from '../../test/harness.js';
import { logCapture, queuedTo } from '../../test/mail.js';
import { TestSmtp, linkIn } from '../../test/smtp.js';
import { queueMail } from './queue.js';
import { MAX_ATTEMPTS, backoffMs } from './worker.js';

/**
 * The mail queue against a real SMTP server on loopback: what is queued is sent with both
 * parts, a server that refuses or is down loses nothing and sends nothing twice, and two
 * instances never send one mail twice.
 */
const clock = new ManualClock('2031-03-03T03:00:00Z');
const t = useTestApp({}, { clock });
let smtp: TestSmtp;
let app: FastifyInstance;
const PUBLIC_URL = 'https://care.example.test';

beforeAll(async () => {
  smtp = await TestSmtp.start();
  app = await t.another({ SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'City Care <care@example.test>' });
});
afterAll(() => smtp.close());

/** Queues `n` plain mails to fresh addresses; returns the addresses. */
async function queueSome(n: number, tag: string) {
  const addresses = Array.from({ length: n }, (_, i) => `${tag}-${i}-${Math.random().toString(36).slice(2, 8)}@mail.test`);
  for (const email of addresses)
    await queueMail(app.db, app.config, { kind: 'test', to: { id: null, email }, hospitalId: null, subject: `Hello ${email}`, parts: { from: 'City Care', greeting: 'Hello,', paragraphs: ['A test.'], footer: 'Footer.' } }, clock.now());
  return addresses;
}

describe('the mail queue', () => {
  it('sends a queued mail over SMTP with a plain-text and an HTML part, and keeps only its envelope afterwards', async () => {
    const hospital = await buildHospital(t.app, { name: 'Bir Hospital' });
    const person = await buildUser(t.app, 'doctor', hospital.id);
    expect((await new Client(app).post('/api/auth/password-reset', { email: person.email })).status).toBe(202);
    const [row] = await queuedTo(app, person.email);
    expect(row).toMatchObject({ status: 'queued', kind: 'password_reset', attempts: 0 });
    expect(await app.mail.deliver()).toEqual({ sent: 1, failed: 0, dropped: 0 });

    const [mail] = smtp.to(person.email);
    expect(mail!.from!.text).toBe('"City Care" <care@example.test>');
    expect(mail!.subject).toBe('Reset your password · Bir Hospital');
    expect(mail!.text).toContain('Bir Hospital');
    expect(mail!.html).toContain('Bir Hospital');
    expect(linkIn(mail!, `${PUBLIC_URL}/reset-password?token=`)).toMatch(/token=[A-Za-z0-9_-]{43}$/);
    expect(mail!.messageId).toBe(`<${row!.id}@example.test>`);

    const [after] = await queuedTo(app, person.email);
    expect(after).toMatchObject({ status: 'sent', textBody: null, htmlBody: null, attempts: 1, lastError: null });
    expect(after!.sentAt).toEqual(clock.now());
  });

  it('loses nothing while the server refuses or is down, and then sends each mail exactly once', async () => {
    const addresses = await queueSome(3, 'refused');
    const before = smtp.messages.length;
    smtp.refusing = true;
    expect(await app.mail.deliver()).toEqual({ sent: 0, failed: 3, dropped: 0 });
    for (const email of addresses) expect((await queuedTo(app, email))[0]).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('451') });
    // Not again before the backoff has passed.
    expect(await app.mail.deliver()).toEqual({ sent: 0, failed: 0, dropped: 0 });

    clock.advance(backoffMs(1));
    await smtp.down();
    expect(await app.mail.deliver()).toEqual({ sent: 0, failed: 3, dropped: 0 });
    expect((await queuedTo(app, addresses[0]!))[0]).toMatchObject({ attempts: 2, lastError: expect.stringContaining('ECONNREFUSED') });

    await smtp.up();
    smtp.refusing = false;
    clock.advance(backoffMs(2));
    expect(await app.mail.deliver()).toEqual({ sent: 3, failed: 0, dropped: 0 });
    for (let i = 0; i < 3; i++) {
      clock.advance(backoffMs(5));
      expect(await app.mail.deliver()).toEqual({ sent: 0, failed: 0, dropped: 0 });
    }
    expect(smtp.messages.length - before).toBe(3);
    for (const email of addresses) expect(smtp.to(email)).toHaveLength(1);
  });

  it('sends each mail once when two instances work the queue at the same moment', async () => {
    const second = await t.another({ SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'City Care <care@example.test>' });
    const addresses = await queueSome(30, 'race');
    const runs = await Promise.all([app.mail.deliver(), second.mail.deliver(), app.mail.deliver()]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(30);
    for (const email of addresses) expect(smtp.to(email)).toHaveLength(1);
    const ids = new Set(smtp.messages.map((m) => m.messageId));
    expect(ids.size).toBe(smtp.messages.length);
  });

  it(`gives a mail up after ${MAX_ATTEMPTS} failed attempts, keeping why`, async () => {
    const [email] = await queueSome(1, 'hopeless');
    smtp.refusing = true;
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await app.mail.deliver();
      clock.advance(backoffMs(i));
    }
    smtp.refusing = false;
    const [row] = await queuedTo(app, email!);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, textBody: null, lastError: expect.stringContaining('451') });
    expect(await app.mail.deliver()).toEqual({ sent: 0, failed: 0, dropped: 0 });
    expect(smtp.to(email!)).toHaveLength(0);
  });

  it('takes back a mail whose instance died while sending it, once its claim has expired', async () => {
    const [email] = await queueSome(1, 'orphan');
    // An instance claimed it and died before it could send or put it back.
    await app.db.update(outgoingMail).set({ status: 'sending', attempts: 1, claimedUntil: new Date(clock.now().getTime() + 120_000) }).where(eq(outgoingMail.toAddress, email!));
    expect(await app.mail.deliver()).toEqual({ sent: 0, failed: 0, dropped: 0 });
    clock.advance(121_000);
    expect(await app.mail.deliver()).toEqual({ sent: 1, failed: 0, dropped: 0 });
    expect(smtp.to(email!)).toHaveLength(1);
  });
});

describe('without SMTP_URL', () => {
  it('writes each mail, link and all, to the log in development', async () => {
    const log = logCapture();
    const dev = await t.another({ LOG_LEVEL: 'info', PUBLIC_URL }, { logStream: log.stream });
    const person = await buildUser(t.app, 'patient', (await buildHospital(t.app)).id);
    expect((await new Client(dev).get('/api/mail/config')).body).toEqual({ delivery: 'log', passwordReset: true, confirmsSignups: false, welcomeLinks: false });
    expect((await new Client(dev).post('/api/auth/password-reset', { email: person.email })).status).toBe(202);
    expect(await dev.mail.deliver()).toMatchObject({ sent: 1 });
    expect(log.text()).toContain(`${PUBLIC_URL}/reset-password?token=`);
    expect(log.text()).toContain('SMTP_URL is not set');
  });

  it('sends nothing in production, says so at start-up, and the pages can tell', async () => {
    const log = logCapture();
    const prod = await t.another({ NODE_ENV: 'production', LOG_LEVEL: 'info', PUBLIC_URL }, { logStream: log.stream });
    expect(log.text()).toContain('SMTP_URL is not set: no mail is sent');
    expect((await new Client(prod).get('/api/mail/config')).body).toEqual({ delivery: 'off', passwordReset: false, confirmsSignups: false, welcomeLinks: false });
    const person = await buildUser(t.app, 'patient', (await buildHospital(t.app)).id);
    const res = await new Client(prod).post('/api/auth/password-reset', { email: person.email });
    expect(res.status).toBe(202);
    expect(await queuedTo(prod, person.email)).toEqual([]);
  });

  it('never logs a mail body or a link in production, even when sending fails', async () => {
    const log = logCapture();
    const prod = await t.another({ NODE_ENV: 'production', LOG_LEVEL: 'trace', PUBLIC_URL, SMTP_URL: smtp.url }, { logStream: log.stream });
    const person = await buildUser(t.app, 'patient', (await buildHospital(t.app)).id);
    await new Client(prod).post('/api/auth/password-reset', { email: person.email });
    smtp.refusing = true;
    await prod.mail.deliver();
    smtp.refusing = false;
    clock.advance(backoffMs(1));
    await prod.mail.deliver();
    const mail = await smtp.waitFor(person.email);
    const token = linkIn(mail, `${PUBLIC_URL}/reset-password?token=`).split('token=')[1]!;
    expect(log.text()).toContain('mail could not be sent');
    expect(log.text()).not.toContain(token);
    expect(log.text()).not.toContain(person.email);
    expect(log.text()).not.toContain('reset-password');
  });
});

