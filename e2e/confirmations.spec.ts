import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { seedWorld, type World } from './support/seed.js';
import { completeForcedPasswordChange, navigate, signIn } from './support/ui.js';

/** Changes that move a person on say what happened on the page they land on. */
let world: World;

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'Confirm');
});

test('changing the password, then signing out, are both confirmed', async ({ page }) => {
  await signIn(page, world.patient.email, world.patient.password);
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${world.patient.firstName}` })).toBeVisible();
  await page.getByRole('button', { name: /account menu/i }).click();
  await page.getByRole('link', { name: 'Change password' }).click();
  await page.getByLabel('Current password').fill(world.patient.password);
  await page.getByLabel('New password', { exact: true }).fill(world.patient.newPassword);
  await page.getByLabel('Confirm new password').fill(world.patient.newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();

  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  const changed = page.getByRole('status').filter({ hasText: 'Your password was changed.' });
  await expect(changed).toContainText('your other sessions were signed out');
  // Once only: the next page does not repeat it.
  await navigate(page, 'Dashboard');
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${world.patient.firstName}` })).toBeVisible();
  await expect(page.getByText('Your password was changed.')).toHaveCount(0);

  await page.getByRole('button', { name: /account menu/i }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'You have signed out.' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'sign-in page after signing out');
  // The new password is the one that works now.
  await signIn(page, world.patient.email, world.patient.newPassword);
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${world.patient.firstName}` })).toBeVisible();
  await expect(page.getByText('You have signed out.')).toHaveCount(0);
});

test('the forced first change is confirmed on the page it leads to', async ({ page }) => {
  await signIn(page, world.newDoctor.email, world.newDoctor.password);
  await completeForcedPasswordChange(page, world.newDoctor.password, world.newDoctor.newPassword);
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, Dr ${world.newDoctor.lastName}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Your new password is set. Use it the next time you sign in.' })).toBeVisible();
});
