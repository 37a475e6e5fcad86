import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { MEDIA_ARGS } from '../../playwright.video.config.js';
import { SUPERADMIN } from '../support/accounts.js';
import { chatOf, openAs, seedChat } from '../support/chat.js';
import { signIn } from '../support/ui.js';
import { expectReceiving, personPage, seedVisit, type Visit } from '../video/support.js';
import { expect, test } from './fixtures.js';
import { counts, openAndPlace, openOnAnotherInstance } from './placement.js';
import { until } from './processes.js';
import { socketsOn } from './stack.js';

/**
 * The production build as an operator deploys it (docs/deploy.md): two instances behind nginx
 * with TLS, on PostgreSQL, Redis and S3, driven by Chromium over https. People served by
 * different instances chat, pay and call; then one instance is stopped mid-chat and mid-call.
 */
test.describe.configure({ mode: 'serial' });

test('the compiled server answers through nginx over TLS: compressed, long-cached assets, readiness, metrics, JSON logs', async ({ stack, request }) => {
  const index = await request.get('/', { headers: { 'accept-encoding': 'br, gzip' } });
  expect(index.status()).toBe(200);
  expect(index.headers()['cache-control']).toBe('no-cache');
  const asset = /\/assets\/index-[\w-]+\.js/.exec(await index.text())![0];
  const js = await request.get(asset, { headers: { 'accept-encoding': 'br, gzip' } });
  expect(js.headers()['content-encoding']).toBe('br');
  expect(js.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const api = await request.get('/api/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
  expect(api.headers()['content-encoding']).toBe('gzip');
  for (const i of stack.instances) {
    const ready = await (await fetch(`${i.direct}/readyz`)).json();
    expect(ready).toEqual({ status: 'ready', database: 'ok', redis: 'ok', migrations: 'ok', draining: false });
    // node and the compiled JavaScript: no TypeScript tooling at run time.
    const cmd = readFileSync(`/proc/${i.process!.child.pid}/cmdline`, 'utf8').split('\0');
    expect(cmd.slice(1)).toEqual(['--enable-source-maps', 'dist/server/main.js', '']);
    const firstLine = readFileSync(i.process!.logFile, 'utf8').split('\n')[0]!;
    expect(JSON.parse(firstLine)).toMatchObject({ level: expect.any(Number), time: expect.any(Number) });
  }
  // Prometheus asks each instance; the proxy keeps /metrics in.
  expect((await request.get('/metrics', { headers: { authorization: `Bearer ${stack.metricsToken}` } })).status()).toBe(404);
  const direct = `${stack.instances[0]!.direct}/metrics`;
  expect((await fetch(direct)).status).toBe(401);
  expect((await fetch(direct, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
  const metrics = await fetch(direct, { headers: { authorization: `Bearer ${stack.metricsToken}` } });
  expect(metrics.status).toBe(200);
  expect(await metrics.text()).toMatch(/tm_http_request_duration_seconds_count\{method="GET",route="\/readyz",status="200"\} \d+/);
});

test('a person signs in through the form, over https with a Secure session cookie', async ({ page, context }) => {
  await signIn(page, SUPERADMIN.email, SUPERADMIN.password);
  await expect(page).not.toHaveURL(/\/login/);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('tm_session'))!;
  expect(cookie).toMatchObject({ name: '__Host-tm_session', secure: true, httpOnly: true });
});

test('a patient and a doctor served by different instances chat', async ({ stack, browser }) => {
  const s = await seedChat(stack.url, 'deploy-chat');
  const patient = await openAs(browser, s.world.patient.email, s.world.patient.password);
  const doctor = await openAs(browser, s.world.doctor.email, s.world.doctor.newPassword);
  const path = `/appointments/${s.appointmentId}`;
  const patientOn = await openAndPlace(stack, patient.page, path, 'chat', await counts(stack, 'chat'));
  const doctorOn = await openOnAnotherInstance(stack, doctor.page, path, 'chat', patientOn);
  expect(doctorOn).not.toBe(patientOn);
  const text = `Is the rash contagious? ${Date.now()}`;
  await expect(chatOf(patient.page).live).toBeVisible();
  await chatOf(patient.page).textbox.fill(text);
  await chatOf(patient.page).send.click();
  await expect(chatOf(doctor.page).bubble(text)).toBeVisible();
  const reply = 'No: keep it clean and dry.';
  await chatOf(doctor.page).textbox.fill(reply);
  await chatOf(doctor.page).send.click();
  await expect(chatOf(patient.page).bubble(reply)).toBeVisible();
  await Promise.all([patient.context.close(), doctor.context.close(), s.patientApi.dispose(), s.doctorApi.dispose()]);
});

test('a patient pays through the Khalti stand-in (behind TLS) and comes back through nginx to a confirmed visit', async ({ stack, browser }) => {
  const s = await seedChat(stack.url, 'deploy-pay');
  await s.doctorApi.send('post', `/api/appointments/${s.appointmentId}/approve`, {});
  const order = await s.patientApi.send<{ paymentUrl: string }>('post', `/api/appointments/${s.appointmentId}/payments`, undefined, 201);
  expect(order.paymentUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/pay\/\?pidx=/);
  const patient = await openAs(browser, s.world.patient.email, s.world.patient.password);
  await patient.page.goto(order.paymentUrl);
  await patient.page.getByRole('button', { name: /^Pay Rs/ }).click();
  await expect(patient.page).toHaveURL(`${stack.url}/appointments/${s.appointmentId}?payment=paid`);
  const a = await s.patientApi.send<{ status: string }>('get', `/api/appointments/${s.appointmentId}`);
  expect(a.status).toBe('confirmed');
  const completed = await Promise.all(stack.instances.map(async (i) => {
    const text = await (await fetch(`${i.direct}/metrics`, { headers: { authorization: `Bearer ${stack.metricsToken}` } })).text();
    return Number(/^tm_payment_outcomes_total\{outcome="completed"\} (\d+)$/m.exec(text)?.[1] ?? 0);
  }));
  expect(completed.reduce((a, b) => a + b)).toBe(1);
  await Promise.all([patient.context.close(), s.patientApi.dispose(), s.doctorApi.dispose()]);
});

let visit: Visit;
let patientBrowser: Browser;
let doctor: Page;
let patient: Page;
let doctorOn: number;

test('a video call whose two sides are on different instances: HD both ways', async ({ stack, browser }) => {
  test.setTimeout(300_000);
  visit = await seedVisit(stack.url, 'deploy-call');
  patientBrowser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...MEDIA_ARGS, '--ignore-certificate-errors'] });
  ({ page: doctor } = await personPage(browser, stack.url, visit.world.doctor.email, visit.world.doctor.newPassword));
  ({ page: patient } = await personPage(patientBrowser, stack.url, visit.world.patient.email, visit.world.patient.password));
  const path = `/video-call/${visit.appointmentId}`;
  doctorOn = await openAndPlace(stack, doctor, path, 'call', await counts(stack, 'call'));
  const patientOn = await openOnAnotherInstance(stack, patient, path, 'call', doctorOn);
  expect(patientOn).not.toBe(doctorOn);
  await doctor.getByRole('button', { name: 'Admit Maya Tamang' }).click();
  await expectReceiving(patient, { width: 1280, height: 720 });
  await expectReceiving(doctor, { width: 1280, height: 720 });
});

test('stopping an instance mid-chat and mid-call loses no acknowledged message, and the call recovers', async ({ stack }) => {
  test.setTimeout(300_000);
  const victim = stack.instances[doctorOn]!;
  const survivor = stack.instances[1 - doctorOn]!;
  const texts: string[] = [];
  const send = async (page: Page, text: string) => {
    await chatOf(page).textbox.fill(text);
    await chatOf(page).send.click();
    texts.push(text);
  };
  for (let n = 1; n <= 4; n++) await send(n % 2 ? patient : doctor, `before the stop ${n}`);
  const stopped = victim.stop('SIGTERM');
  // It says it is not ready at once, while it waits for load balancers (SHUTDOWN_DELAY_SECONDS).
  const draining = await until('the stopping instance fails /readyz', async () => {
    const res = await fetch(`${victim.direct}/readyz`);
    return res.status === 503 ? res.json() : null;
  }, 10_000, 100);
  expect(draining).toMatchObject({ status: 'unavailable', draining: true });
  for (let n = 1; n <= 6; n++) {
    await send(n % 2 ? doctor : patient, `during the stop ${n}`);
    await new Promise((r) => setTimeout(r, 400));
  }
  expect(await stopped).toBe(0);
  const log = readFileSync(victim.process!.logFile, 'utf8');
  expect(log).toContain('"msg":"shut down"');
  for (let n = 1; n <= 2; n++) await send(n % 2 ? patient : doctor, `after the stop ${n}`);

  // Every message was acknowledged (no pending or failed bubble is left), on both sides, once.
  for (const page of [patient, doctor]) await expect(chatOf(page).panel.locator('[data-pending]')).toHaveCount(0, { timeout: 30_000 });
  for (const text of texts) {
    await expect(chatOf(patient).bubble(text)).toHaveCount(1);
    await expect(chatOf(doctor).bubble(text)).toHaveCount(1);
  }
  const history = await (await doctor.request.get(`/api/appointments/${visit.appointmentId}/messages?limit=100`)).json();
  expect((history.items as { text: string }[]).map((m) => m.text).sort()).toEqual([...texts].sort());

  // Both sides' call sockets now live on the other instance, and HD video flows again.
  await until('both call sockets moved to the other instance', async () => (await socketsOn(survivor, stack.metricsToken)).call === 2, 30_000);
  await expectReceiving(patient, { width: 1280, height: 720 }, 30_000);
  await expectReceiving(doctor, { width: 1280, height: 720 }, 30_000);
  expect(survivor.process!.alive).toBe(true);
  await patientBrowser.close();
});
