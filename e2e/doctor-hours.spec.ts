import { expect, test } from '@playwright/test';
import { Api } from './support/api.js';
import { openEveryDay } from './support/appointments.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { seedWorld, signInAs, type World } from './support/seed.js';

/**
 * A doctor's hours: the dashboard says what is true (no "Set your availability" once hours are
 * saved, no "Patients can book visits with you" before any exist), and the editor copies a day's
 * hours, starts a second window valid as it is, and keeps a row aligned when it shows an error.
 */
test.describe.configure({ mode: 'serial' });

let world: World;

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'Hours');
});

test('the dashboard follows the doctor’s real hours', async ({ page, baseURL }) => {
  await signInAs(page, world.doctor.email, world.doctor.newPassword);
  await page.goto('/');
  const availability = page.getByRole('region', { name: 'Availability' });
  await expect(availability.getByRole('switch', { name: 'Available for appointments' })).toBeChecked();
  // No hours yet: not bookable, whatever the switch says, and the way there is offered.
  await expect(availability).toContainText('Patients cannot book you yet: you have no hours set.');
  await expect(availability).not.toContainText('Patients can book visits with you');
  await expect(availability.getByRole('link', { name: 'Set your weekly hours' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Set your availability' })).toBeVisible();

  const api = await Api.signIn(baseURL!, world.doctor.email, world.doctor.newPassword);
  await openEveryDay(api, world.doctor.id);
  await api.dispose();
  await page.reload();
  await expect(availability).toContainText('Patients can book visits with you.');
  await expect(availability.getByRole('link', { name: 'Set your weekly hours' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Set your availability' })).toHaveCount(0);

  await availability.getByRole('switch', { name: 'Available for appointments' }).click();
  await expect(availability).toContainText('Patients cannot book you right now.');
  await availability.getByRole('switch', { name: 'Available for appointments' }).click();
  await expect(availability).toContainText('Patients can book visits with you.');
});

test('the editor: a valid second window, copying a day, and errors that keep rows aligned', async ({ page }) => {
  await signInAs(page, world.doctor.email, world.doctor.newPassword);
  await page.goto('/availability');
  const monday = page.getByRole('group', { name: 'Monday' });
  await expect(monday.getByLabel('From')).toHaveValue('08:00');
  await monday.getByLabel('To').fill('12:00');
  // A second window starts where the first ends, and already has a valid end.
  await page.getByRole('button', { name: 'Add hours on Monday' }).click();
  await expect(monday.getByLabel('From').nth(1)).toHaveValue('12:00');
  await expect(monday.getByLabel('To').nth(1)).toHaveValue('13:00');
  await monday.getByLabel('From').nth(1).fill('14:00');
  await monday.getByLabel('To').nth(1).fill('17:00');

  // Copy Monday's two windows to Tuesday and Friday; Wednesday keeps its own.
  await page.getByRole('button', { name: 'Copy Monday’s hours to other days' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy Monday’s hours to other days' });
  await expect(dialog).toContainText('08:00–12:00, 14:00–17:00');
  await dialog.getByRole('button', { name: 'Copy hours' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Choose at least one day');
  await dialog.getByLabel('Tuesday').check();
  await dialog.getByLabel('Friday').check();
  await expectNoSeriousA11yViolations(page, 'copy hours dialog');
  await dialog.getByRole('button', { name: 'Copy hours' }).click();
  await expect(dialog).toBeHidden();
  for (const day of ['Tuesday', 'Friday']) {
    const group = page.getByRole('group', { name: day });
    await expect(group.getByLabel('From')).toHaveCount(2);
    await expect(group.getByLabel('From').nth(0)).toHaveValue('08:00');
    await expect(group.getByLabel('To').nth(1)).toHaveValue('17:00');
  }
  await expect(page.getByRole('group', { name: 'Wednesday' }).getByLabel('To')).toHaveValue('20:00');
  await page.getByRole('button', { name: 'Save availability' }).click();
  await expect(page.getByText('Availability saved')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('group', { name: 'Friday' }).getByLabel('From')).toHaveCount(2);

  // An error under one field leaves the row's fields side by side.
  const thursday = page.getByRole('group', { name: 'Thursday' });
  await thursday.getByLabel('To').fill('07:00');
  await page.getByRole('button', { name: 'Save availability' }).click();
  await expect(thursday.getByText('The window must end after it starts')).toBeVisible();
  const [from, to] = await Promise.all([thursday.getByLabel('From').boundingBox(), thursday.getByLabel('To').boundingBox()]);
  expect(Math.abs(from!.y - to!.y)).toBeLessThanOrEqual(1);
  const remove = await thursday.getByRole('button', { name: /^Remove Thursday/ }).boundingBox();
  expect(Math.abs(remove!.y + remove!.height / 2 - (from!.y + from!.height / 2))).toBeLessThanOrEqual(4);
  await expectNoSeriousA11yViolations(page, 'availability editor with a window error');
});
