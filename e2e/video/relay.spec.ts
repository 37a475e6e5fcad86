import { execSync } from 'node:child_process';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { MEDIA_ARGS } from '../../playwright.video.config.js';
import { Coturn } from './coturn.js';
import { expectReceiving, link, personPage, seedVisit, startServer } from './support.js';

const hasCoturn = (() => {
  try {
    execSync('command -v turnserver', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * VIDEO_RELAY_ONLY=true: media goes through a real coturn (Debian's, on loopback, with
 * use-auth-secret and the credentials our server derives), so neither side learns the other's
 * address. Stopping coturn cuts the call (the one way to cut WebRTC here); once it is back, an
 * ICE restart recovers the same call.
 */
test.describe.configure({ mode: 'serial' });
test.skip(!hasCoturn, 'coturn (turnserver) is not installed');

let coturn: Coturn;
let server: Awaited<ReturnType<typeof startServer>>;
let other: Browser;
let doctor: Page;
let patient: Page;

test.beforeAll(async ({ browser }) => {
  coturn = new Coturn();
  await coturn.start();
  server = await startServer({ VIDEO_RELAY_ONLY: 'true', TURN_URLS: coturn.url, TURN_SECRET: coturn.secret });
  const visit = await seedVisit(server.url, 'relay');
  other = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: MEDIA_ARGS });
  ({ page: doctor } = await personPage(browser, server.url, visit.world.doctor.email, visit.world.doctor.newPassword));
  ({ page: patient } = await personPage(other, server.url, visit.world.patient.email, visit.world.patient.password));
  await patient.goto(`/video-call/${visit.appointmentId}`);
  await doctor.goto(`/video-call/${visit.appointmentId}`);
  await doctor.getByRole('button', { name: /^Admit / }).click();
});

test.afterAll(async () => {
  await other?.close();
  await server?.stop();
  await coturn?.stop();
});

test('a relay-only call connects through coturn, with relay candidates on both ends', async () => {
  await expectReceiving(patient, { width: 1280, height: 720 });
  await expectReceiving(doctor, { width: 1280, height: 720 });
  expect(await link(patient)).toMatchObject({ local: 'relay', remote: 'relay' });
  expect(await link(doctor)).toMatchObject({ local: 'relay', remote: 'relay' });
});

test('a lost connection shows "Reconnecting…" and recovers through an ICE restart', async () => {
  await coturn.stop();
  await expect(patient.getByTestId('call-link-status')).toHaveText('Reconnecting…', { timeout: 20_000 });
  await expect(doctor.getByTestId('call-link-status')).toHaveText('Reconnecting…', { timeout: 20_000 });
  await coturn.start();
  // Restarts are tried every few seconds while the link is down; one after coturn's return succeeds.
  await expectReceiving(patient, { width: 1280, height: 720 }, 45_000);
  await expectReceiving(doctor, { width: 1280, height: 720 }, 45_000);
  await expect(patient.getByTestId('call-link-status')).toHaveCount(0);
  expect(await link(patient)).toMatchObject({ local: 'relay', remote: 'relay' });
});
