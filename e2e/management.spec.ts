import { expect, test } from '@playwright/test';
import { SUPERADMIN } from './support/accounts.js';
import { seedWorld, signInAs, type World } from './support/seed.js';
import { navigate, signIn } from './support/ui.js';

/** Detail pages: editing, deactivating, pictures, server errors on the right field, audit. */
let world: World;

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'Mgmt');
});

// A 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('the super admin edits a hospital’s fee in rupees', async ({ page }) => {
  await signInAs(page, SUPERADMIN.email, SUPERADMIN.password);
  await page.goto(`/hospitals/${world.hospital.id}`);
  await expect(page.getByRole('heading', { level: 1, name: world.hospital.name })).toBeVisible();
  await expect(page.getByText('Rs 1,500.00')).toBeVisible();

  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Edit hospital details' });
  const fee = form.getByLabel('Appointment fee (Rs)');
  await expect(fee).toHaveValue('1500.00');
  await fee.fill('12.345');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(fee).toBeFocused();
  await expect(fee).toHaveAccessibleDescription(/Use at most 2 decimal places/);

  await fee.fill('2000.05');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Hospital details saved.')).toBeVisible();
  await expect(page.getByText('Rs 2,000.05')).toBeVisible();
});

test('the hospital admin sets the refund policy with the hospital’s details', async ({ page }) => {
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await page.goto('/');
  await navigate(page, 'Hospital');
  await expect(page.getByText('A patient’s cancellation is refunded in full until 24 hours before the visit')).toBeVisible();
  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Edit hospital details' });
  const hours = form.getByLabel('Full refund until (hours before the visit)');
  await expect(hours).toHaveValue('24');
  for (const [bad, message] of [
    ['1.5', /Enter a whole number/],
    ['721', /Enter 720 or less/],
  ] as const) {
    await hours.fill(bad);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(hours).toBeFocused();
    await expect(hours).toHaveAccessibleDescription(message);
  }
  await hours.fill('48');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Hospital details saved.')).toBeVisible();
  await expect(page.getByText('A patient’s cancellation is refunded in full until 48 hours before the visit')).toBeVisible();
});

test('the admin edits a doctor, uploads a picture, and deactivates and reactivates them', async ({ page }) => {
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await page.goto('/doctors');
  const name = `Dr ${world.doctor.firstName} ${world.doctor.lastName}`;
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.getByRole('button', { name: 'Edit profile' }).click();
  const form = page.getByRole('form', { name: 'Edit doctor profile' });
  await form.getByLabel('Specialization').fill('Neonatology');
  await form.getByLabel('Years of experience').fill('');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByLabel('Years of experience')).toBeFocused();
  await form.getByLabel('Years of experience').fill('8');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Doctor’s profile saved.')).toBeVisible();
  await expect(page.getByText('Neonatology · 8 years of experience')).toBeVisible();

  // A file that is not an image is refused before any upload.
  const chooser = page.getByLabel('Choose a picture');
  await chooser.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByText('Choose a PNG, JPEG or WebP image.')).toBeVisible();

  await chooser.setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('img', { name: 'Preview of the new picture' })).toBeVisible();
  await page.getByRole('button', { name: 'Upload picture' }).click();
  await expect(page.getByText('Picture updated.')).toBeVisible();
  await expect(page.getByRole('img', { name: `Current picture of ${name}` })).toBeVisible();
  await page.getByRole('button', { name: 'Remove picture' }).click();
  await expect(page.getByText('Picture removed.')).toBeVisible();
  await expect(page.getByRole('img', { name: `Current picture of ${name}` })).toHaveCount(0);

  await page.getByRole('button', { name: 'Deactivate doctor' }).click();
  const dialog = page.getByRole('dialog', { name: `Deactivate ${name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Deactivate doctor' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Inactive', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Reactivate doctor' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reactivate doctor' }).click();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
});

test('a deactivated patient cannot sign in', async ({ browser, page }) => {
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await page.goto(`/patients/${world.patient.id}`);
  const name = `${world.patient.firstName} ${world.patient.lastName}`;
  await page.getByRole('button', { name: 'Deactivate patient' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate patient' }).click();
  await expect(page.getByRole('button', { name: 'Reactivate patient' })).toBeVisible();

  const other = await browser.newPage();
  await signIn(other, world.patient.email, world.patient.password);
  await expect(other.getByRole('alert')).toContainText('This account is deactivated');
  await other.close();

  await page.getByRole('button', { name: 'Reactivate patient' }).click();
  await page.getByRole('dialog', { name: `Reactivate ${name}?` }).getByRole('button', { name: 'Reactivate patient' }).click();
  await expect(page.getByRole('button', { name: 'Deactivate patient' })).toBeVisible();
});

test('the admin edits a patient’s medical profile', async ({ page }) => {
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await page.goto('/patients');
  await page.getByLabel('Search patients').fill(world.patient.lastName);
  await page.getByRole('link', { name: `${world.patient.firstName} ${world.patient.lastName}` }).click();
  await page.getByRole('button', { name: 'Edit profile' }).click();
  const form = page.getByRole('form', { name: 'Edit patient profile' });
  await form.getByLabel('Date of birth').fill('1990-04-02');
  await form.getByLabel('Blood type').selectOption('B-');
  await form.getByLabel('Emergency contact').fill('Hari Tamang (brother), +977 9800000000');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Patient’s profile saved.')).toBeVisible();
  await expect(page.getByText('April 2, 1990')).toBeVisible();
  await expect(page.getByText('B-', { exact: true })).toBeVisible();
  await expect(page.getByText('Hari Tamang (brother), +977 9800000000')).toBeVisible();
});

test('a server-side refusal lands on the field it concerns', async ({ page }) => {
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await page.goto('/doctors');
  await page.getByRole('button', { name: 'Add doctor' }).first().click();
  const form = page.getByRole('form', { name: 'New doctor' });
  await form.getByLabel('First name').fill('Second');
  await form.getByLabel('Last name').fill('Account');
  await form.getByLabel('Email address').fill(world.doctor.email);
  await form.getByRole('button', { name: 'Generate' }).click();
  await expect(form.getByLabel('Temporary password')).toHaveValue(/^[A-Za-z0-9-]{17}$/);
  await form.getByLabel('Specialization').fill('Cardiology');
  await form.getByLabel('Licence number').fill('NMC-unique-1');
  await form.getByLabel('Years of experience').fill('2');
  await form.getByRole('button', { name: 'Create doctor' }).click();

  const email = form.getByLabel('Email address');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await expect(email).toHaveAccessibleDescription(/already registered/);
});

test('the doctor edits their own bio and sees the audit trail of it as the admin', async ({ browser }) => {
  const doctorPage = await browser.newPage();
  await signInAs(doctorPage, world.doctor.email, world.doctor.newPassword);
  await doctorPage.goto('/profile');
  await doctorPage.getByLabel('Bio').fill('Newborn care and children’s health.');
  await doctorPage.getByRole('button', { name: 'Save profile' }).click();
  await expect(doctorPage.getByText('Your profile was saved.')).toBeVisible();
  await doctorPage.reload();
  await expect(doctorPage.getByLabel('Bio')).toHaveValue('Newborn care and children’s health.');
  await doctorPage.close();

  const adminPage = await browser.newPage();
  await signInAs(adminPage, world.admin.email, world.admin.newPassword);
  await adminPage.goto('/audit');
  await adminPage.getByLabel('Action').fill('doctor.updated');
  await expect(adminPage).toHaveURL(/action=doctor\.updated/);
  const events = adminPage.getByRole('region', { name: 'Audit events' });
  await expect(events.getByRole('row')).not.toHaveCount(1);
  // The filtered list has replaced the full one (which also holds the doctor's sign-ins).
  await expect(events.getByRole('cell', { name: 'auth.login', exact: true })).toHaveCount(0);
  await expect(events.getByRole('cell', { name: world.doctor.email })).toBeVisible();
  await expect(events.getByRole('cell', { name: world.admin.email }).first()).toBeVisible();
  await adminPage.close();
});

test('when the session ends, the next request sends the user to sign in and back', async ({ page, context }) => {
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${world.admin.firstName}` })).toBeVisible();
  await context.clearCookies();
  await navigate(page, 'Patients');
  await expect(page).toHaveURL(/\/login\?next=%2Fpatients/);
  await signIn(page, world.admin.email, world.admin.newPassword);
  await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
});
