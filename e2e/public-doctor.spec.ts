import { expect, test } from '@playwright/test';
import { seedWorld, signInAs, type World } from './support/seed.js';

/**
 * Patients receive the public view of a doctor (no email, phone, licence or account state); the
 * pages they use work with it and show nothing more. Staff still see the full record.
 */
let world: World;

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'Public');
});

test('a patient finds and opens a doctor from the public view, and sees no private details', async ({ page }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  const listed = page.waitForResponse((r) => /\/api\/hospitals\/[^/]+\/doctors\b/.test(r.url()) && r.request().method() === 'GET');
  await page.goto('/find-doctor');
  const body = (await (await listed).json()) as { items: Record<string, unknown>[] };
  expect(body.items.length).toBeGreaterThan(0);
  for (const d of body.items) for (const key of ['email', 'phone', 'licenseNumber', 'mustChangePassword', 'lastLoginAt']) expect(d).not.toHaveProperty(key);

  const name = `Dr ${world.doctor.firstName} ${world.doctor.lastName}`;
  await expect(page.getByRole('link', { name: `See free times of ${name}` })).toBeVisible();
  await page.getByRole('link', { name: `See free times of ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Book ${name}` })).toBeVisible();
  await expect(page.getByText('Taking appointments')).toBeVisible();
  await expect(page.getByText(/unexpected shape/)).toHaveCount(0);
  const text = await page.locator('main').innerText();
  expect(text).not.toContain(world.doctor.email);
  expect(text).not.toMatch(/NMC-/);
});

test('the hospital admin still sees the doctor’s full record', async ({ page }) => {
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await page.goto(`/doctors/${world.doctor.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Dr ${world.doctor.firstName} ${world.doctor.lastName}` })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: world.doctor.email })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^NMC-/ })).toBeVisible();
  await page.goto('/doctors');
  await expect(page.getByText(`Licence NMC-Public-`, { exact: false }).first()).toBeVisible();
});
