import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe.js';
import { seedWorld } from '../support/seed.js';
import { personPage } from './support.js';

/** /video-call/test-devices: camera preview, a live microphone level, a test sound, the connection check. */
test('checks the camera, the microphone, the speaker and the connection before a visit', async ({ browser, baseURL }) => {
  const world = await seedWorld(baseURL!, 'devices');
  const { page } = await personPage(browser, baseURL!, world.patient.email, world.patient.password);
  await page.goto('/video-call/test-devices');
  await expect(page.getByRole('heading', { level: 1, name: 'Check your camera and microphone' })).toBeVisible();
  // The preview plays the camera.
  await expect.poll(() => page.getByTestId('camera-preview').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBe(1280);
  // Chromium's fake microphone beeps: the level meter moves.
  await expect.poll(async () => Number(await page.getByRole('meter', { name: 'Microphone level' }).getAttribute('aria-valuenow')), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Play a test sound' }).click();
  await expect(page.getByText('Tone played.')).toBeVisible();
  await page.getByRole('button', { name: 'Check the connection' }).click();
  await expect(page.getByText('Your network can reach the video service')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('combobox', { name: 'Camera' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the device check page');
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSeriousA11yViolations(page, 'the device check page on a phone');
});
