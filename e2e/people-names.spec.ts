import { expect, test } from '@playwright/test';
import { SUPERADMIN } from './support/accounts.js';
import { seedChat } from './support/chat.js';
import type { ChatSetup } from './support/chat.js';
import { signInAs } from './support/seed.js';

/** One way to name people: "Dr Ramesh Adhikari" everywhere, and a greeting that fits each account. */
let s: ChatSetup;

test.beforeAll(async ({ baseURL }) => {
  s = await seedChat(baseURL!, 'Names');
});

test.afterAll(async () => {
  await Promise.all([s.patientApi.dispose(), s.doctorApi.dispose()]);
});

test('the doctor is named the same way on the appointment page and in its chat', async ({ page }) => {
  const name = `Dr ${s.world.doctor.firstName} ${s.world.doctor.lastName}`;
  await signInAs(page, s.world.patient.email, s.world.patient.password);
  await page.goto(`/appointments/${s.appointmentId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Appointment with ${name}` })).toBeVisible();
  const chat = page.getByRole('region', { name: 'Chat', exact: true });
  await expect(chat.getByText(`With ${name}`)).toBeVisible();
  await expect(chat.getByRole('textbox', { name: `Message to ${name}` })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: `${name} · Paediatrics` })).toBeVisible();
  expect(await page.locator('main').innerText()).not.toContain('Dr.');
});

test('each account is greeted sensibly, the super admin by full name', async ({ page }) => {
  await signInAs(page, SUPERADMIN.email, SUPERADMIN.password);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Platform Administrator' })).toBeVisible();
  await signInAs(page, s.world.doctor.email, s.world.doctor.newPassword);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, Dr ${s.world.doctor.lastName}` })).toBeVisible();
  await signInAs(page, s.world.patient.email, s.world.patient.password);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${s.world.patient.firstName}` })).toBeVisible();
});
