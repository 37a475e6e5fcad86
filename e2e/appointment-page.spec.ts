import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { person } from './support/accounts.js';
import { Api } from './support/api.js';
import { freeSlots, openEveryDay, requestSlot } from './support/appointments.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { seedWorld, signInAs, type World } from './support/seed.js';

/**
 * One appointment's page: a single "not found" state for a missing or another person's
 * appointment (no chat under it), "Add to calendar" only once the time is agreed, the truth
 * about an unpaid visit for the patient, and who else can read the appointment.
 */
test.describe.configure({ mode: 'serial' });

let world: World;
const ids = { requested: '', scheduled: '', rejected: '', cancelled: '', foreign: '' };

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'Page');
  const doctor = await Api.signIn(baseURL!, world.doctor.email, world.doctor.newPassword);
  const patient = await Api.signIn(baseURL!, world.patient.email, world.patient.password);
  await openEveryDay(doctor, world.doctor.id);
  const slots = await freeSlots(patient, world.doctor.id);
  ids.requested = await requestSlot(patient, world.doctor.id, slots[2]!);
  ids.scheduled = await requestSlot(patient, world.doctor.id, slots[4]!);
  ids.rejected = await requestSlot(patient, world.doctor.id, slots[6]!);
  ids.cancelled = await requestSlot(patient, world.doctor.id, slots[8]!);
  await doctor.send('post', `/api/appointments/${ids.scheduled}/approve`, {});
  await doctor.send('post', `/api/appointments/${ids.rejected}/reject`, { reason: 'Please see a dermatologist.' });
  await patient.send('post', `/api/appointments/${ids.cancelled}/cancel`, { reason: 'I feel better.' });
  // Another patient of the same hospital has an appointment of their own.
  const other = await Api.signUpPatient(baseURL!, person('page-other', 'Hari', 'Lama'), world.hospital.id);
  ids.foreign = await requestSlot(other, world.doctor.id, slots[10]!);
  await Promise.all([doctor.dispose(), patient.dispose(), other.dispose()]);
});

test('a missing or another person’s appointment is one clear "not found", with no chat', async ({ page }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  for (const id of [randomUUID(), ids.foreign]) {
    await page.goto(`/appointments/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Appointment not found' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'This appointment does not exist or you cannot see it' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Chat', exact: true })).toHaveCount(0);
    await expect(page.getByText('Could not load the messages')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  await expectNoSeriousA11yViolations(page, 'appointment not found');
  await page.getByRole('link', { name: 'All appointments' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Appointments' })).toBeVisible();
});

test('"Add to calendar" is offered only once the time is agreed', async ({ page }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  const calendar = page.getByRole('link', { name: 'Add to calendar' });
  for (const [id, status] of [
    [ids.requested, 'Requested'],
    [ids.rejected, 'Rejected'],
    [ids.cancelled, 'Cancelled'],
  ] as const) {
    await page.goto(`/appointments/${id}`);
    await expect(page.getByText(`Status: ${status}.`)).toBeVisible();
    await expect(calendar).toHaveCount(0);
  }
  await page.goto(`/appointments/${ids.scheduled}`);
  await expect(page.getByText('Status: Scheduled.')).toBeVisible();
  await expect(calendar).toBeVisible();
  const ics = await (await page.request.get((await calendar.getAttribute('href'))!)).text();
  expect(ics).toMatch(/^STATUS:TENTATIVE\r?$/m);
  expect(ics.replace(/\r\n /g, '')).not.toContain('Join from the appointment page');
});

test('the patient is told the whole truth about an unpaid visit, and who can read it', async ({ page }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  await page.goto(`/appointments/${ids.scheduled}`);
  const status = page.getByRole('region', { name: 'Status' });
  await expect(status).toContainText(/Fee Rs 1,500\.00\. Payment due by .+\. If it is not paid by then, the visit is cancelled automatically/);
  await expect(status.getByRole('button', { name: 'Pay Rs 1,500.00' })).toBeVisible();
  await expect(status).toContainText('If you cancel after paying, the hospital refunds the fee in full until 24 hours before the visit');
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText(
    `Who can see this: Dr ${world.doctor.firstName} ${world.doctor.lastName} and the staff of ${world.hospital.name} can read this appointment and its chat. Every time staff open them, it is recorded`,
  );
  await expect(page.getByRole('region', { name: 'Chat', exact: true }).getByText(/staff can also read this chat, and every time they do it is recorded/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'unpaid appointment (patient)');

  // The doctor reads the same rule.
  await signInAs(page, world.doctor.email, world.doctor.newPassword);
  await page.goto(`/appointments/${ids.scheduled}`);
  await expect(page.getByRole('region', { name: 'Status' })).toContainText(/Payment: Not paid yet\. Payment due by .+; unpaid by then, the visit is cancelled automatically\./);
});
