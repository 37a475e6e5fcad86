import { expect, test, type Locator } from '@playwright/test';
import { person } from './support/accounts.js';
import { Api } from './support/api.js';
import { openEveryDay } from './support/appointments.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { notificationsReady } from './support/live.js';
import { seedWorld, signInAs, type World } from './support/seed.js';

/**
 * The booking page: the fee before the patient commits, and free times that stay true while the
 * page is open: another patient's booking removes a time at once (live), and a time whose start
 * comes drops out by itself.
 */
let world: World;

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'Booking');
  const doctor = await Api.signIn(baseURL!, world.doctor.email, world.doctor.newPassword);
  await openEveryDay(doctor, world.doctor.id);
  await doctor.dispose();
});

test('the fee shows on the booking page, before the request is sent', async ({ page }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  await page.goto(`/book/${world.doctor.id}`);
  const form = page.getByRole('form', { name: 'Request an appointment' });
  await expect(form.getByText('Fee: Rs 1,500.00.')).toBeVisible();
  await expect(form).toContainText('Nothing is charged for the request; you pay once the doctor agrees a time, before the visit.');
  await expectNoSeriousA11yViolations(page, 'booking page with the fee');
});

/** The first free time shown: this week's, or next week's when this one has none left. */
async function firstFreeSlot(form: Locator) {
  const first = form.getByRole('radio').first();
  await expect(first.or(form.getByText('No free times this week'))).toBeVisible();
  if ((await first.count()) === 0) {
    await form.getByRole('button', { name: 'Look at the next week' }).click();
    await expect(first).toBeVisible();
  }
  return first;
}

test('a time another patient books goes from the page at once, and a chosen one is unchosen with a word', async ({ page, baseURL }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  const live = notificationsReady(page);
  await page.goto(`/book/${world.doctor.id}`);
  const form = page.getByRole('form', { name: 'Request an appointment' });
  const slot = await firstFreeSlot(form);
  const startsAt = (await slot.getAttribute('value'))!;
  await slot.check();
  await live;

  const rival = await Api.signUpPatient(baseURL!, person('booking-rival', 'Hari', 'Lama'), world.hospital.id);
  await rival.send('post', '/api/appointments', { doctorId: world.doctor.id, startsAt, symptoms: 'Back pain.' }, 201);
  // Well within the picker's one-minute polling: this came over the socket.
  await expect(form.locator(`input[value="${startsAt}"]`)).toHaveCount(0, { timeout: 5_000 });
  await expect(form.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.getByText('The time you chose was just taken or has passed.')).toBeVisible();
  await expect(form.getByText('No time chosen yet.')).toBeVisible();

  // Not chosen, just shown: it goes too.
  const secondAt = (await (await firstFreeSlot(form)).getAttribute('value'))!;
  await rival.send('post', '/api/appointments', { doctorId: world.doctor.id, startsAt: secondAt, symptoms: 'Back pain again.' }, 201);
  await expect(form.locator(`input[value="${secondAt}"]`)).toHaveCount(0, { timeout: 5_000 });
  await rival.dispose();
});

test('a time whose start comes while the page is open drops out by itself', async ({ page }) => {
  await page.clock.install({ time: new Date() });
  await signInAs(page, world.patient.email, world.patient.password);
  await page.goto(`/book/${world.doctor.id}`);
  const form = page.getByRole('form', { name: 'Request an appointment' });
  const slot = await firstFreeSlot(form);
  const startsAt = (await slot.getAttribute('value'))!;
  await slot.check();
  // The browser's clock moves to just after that time starts.
  const ahead = Date.parse(startsAt) - (await page.evaluate(() => Date.now())) + 1_000;
  await page.clock.fastForward(ahead);
  await expect(form.locator(`input[value="${startsAt}"]`)).toHaveCount(0);
  await expect(form.getByRole('radio', { checked: true })).toHaveCount(0);
  // Later times are still offered.
  const next = await firstFreeSlot(form);
  expect(Date.parse((await next.getAttribute('value'))!)).toBeGreaterThan(Date.parse(startsAt));
});
