import { expect, test } from '@playwright/test';
import { Api } from './support/api.js';
import { openEveryDay } from './support/appointments.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { seedWorld, signInAs, type World } from './support/seed.js';

/** The booking page: the fee before the patient commits. */
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
