import { expect, test, type Page } from '@playwright/test';
import { SUPERADMIN } from './support/accounts.js';
import { Api } from './support/api.js';
import { freeSlots, openEveryDay, requestSlot } from './support/appointments.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { payThroughStandIn } from './support/payments.js';
import { seedWorld, signInAs, type World } from './support/seed.js';

/**
 * axe (WCAG 2.x A/AA) finds no serious or critical problem on any page, for any role, on a
 * desktop and on a phone; and no page trips the server's Content Security Policy.
 */
let world: World;
/** A request the doctor proposed another time for, and one still waiting for an answer. */
let proposed: string;
let requested: string;
/** Agreed, with the fee due; and agreed and paid through the Khalti stand-in. */
let due: string;
let paid: string;

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'A11y');
  const doctor = await Api.signIn(baseURL!, world.doctor.email, world.doctor.newPassword);
  const patient = await Api.signIn(baseURL!, world.patient.email, world.patient.password);
  await openEveryDay(doctor, world.doctor.id);
  const slots = await freeSlots(patient, world.doctor.id);
  proposed = await requestSlot(patient, world.doctor.id, slots[0]!);
  requested = await requestSlot(patient, world.doctor.id, slots[2]!, 'A cough that will not go away.');
  await doctor.send('post', `/api/appointments/${proposed}/propose`, { startsAt: slots[4]!.startsAt, note: 'Later suits me better.' });
  // Paid visits are refunded in full a day ahead: these start later than that.
  const later = slots.filter((s) => Date.parse(s.startsAt) > Date.now() + 2 * 86_400_000);
  due = await requestSlot(patient, world.doctor.id, later[0]!, 'Back pain.');
  paid = await requestSlot(patient, world.doctor.id, later[2]!, 'A rash on my arm.');
  for (const id of [due, paid]) await doctor.send('post', `/api/appointments/${id}/approve`, {});
  await payThroughStandIn(patient, paid);
  await Promise.all([doctor.dispose(), patient.dispose()]);
});

const cspErrors = new WeakMap<Page, string[]>();

test.beforeEach(async ({ page }) => {
  const errors: string[] = [];
  cspErrors.set(page, errors);
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) errors.push(msg.text());
  });
});

test.afterEach(async ({ page }) => {
  expect(cspErrors.get(page), 'Content Security Policy violations').toEqual([]);
});

async function check(page: Page, path: string, heading: string | RegExp, label = path) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  // Wait for loading placeholders to go, so axe sees the finished page.
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
  await expect(page).toHaveTitle(/· Telemedicine$/);
  await expectNoSeriousA11yViolations(page, label);
}

test('sign-in and sign-up pages, including their error states', async ({ page }) => {
  await check(page, '/login', 'Sign in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page, '/login with errors');

  await check(page, '/signup', 'Create a patient account');
  await expect(page.getByLabel('Hospital')).toContainText(world.hospital.name);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Hospital')).toBeFocused();
  await expectNoSeriousA11yViolations(page, '/signup with errors');
});

test('super admin pages', async ({ page }) => {
  await signInAs(page, SUPERADMIN.email, SUPERADMIN.password);
  await check(page, '/', /^Welcome, /, 'super admin dashboard');
  await check(page, '/hospitals', 'Hospitals');
  await page.getByRole('button', { name: 'Add hospital' }).click();
  await expectNoSeriousA11yViolations(page, '/hospitals with the create form');
  await check(page, `/hospitals/${world.hospital.id}`, world.hospital.name, 'hospital detail');
  await page.getByRole('button', { name: 'Edit details' }).click();
  await expectNoSeriousA11yViolations(page, 'hospital detail, editing');
  await expect(page.getByRole('region', { name: 'Appointments' }).getByRole('link').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'hospital detail with its appointments');
  await check(page, `/doctors/${world.doctor.id}`, `Dr ${world.doctor.firstName} ${world.doctor.lastName}`, 'doctor detail (super admin)');
  await check(page, '/audit', 'Audit log');
  await check(page, '/profile', 'My profile', 'super admin profile');
});

test('hospital admin pages', async ({ page }) => {
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await check(page, '/', `Welcome, ${world.admin.firstName}`, 'hospital admin dashboard');
  await check(page, '/doctors', 'Doctors');
  await page.getByRole('button', { name: 'Add doctor' }).click();
  await page.getByRole('button', { name: 'Create doctor' }).click();
  await expect(page.getByRole('form', { name: 'New doctor' }).getByLabel('First name')).toBeFocused();
  await expectNoSeriousA11yViolations(page, '/doctors with create form errors');
  await check(page, `/doctors/${world.doctor.id}`, `Dr ${world.doctor.firstName} ${world.doctor.lastName}`, 'doctor detail');
  await page.getByRole('button', { name: 'Deactivate doctor' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'doctor detail, confirm dialog');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await check(page, '/patients', 'Patients');
  await check(page, `/patients/${world.patient.id}`, `${world.patient.firstName} ${world.patient.lastName}`, 'patient detail');
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await expectNoSeriousA11yViolations(page, 'patient detail, editing');
  await check(page, `/hospitals/${world.hospital.id}`, world.hospital.name, 'own hospital');
  await check(page, '/appointments', 'Appointments', 'hospital appointments');
  await page.getByLabel('Status').selectOption('requested');
  await expect(page.getByRole('link', { name: /with Dr / })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, 'hospital appointments, filtered');
  await check(page, `/appointments/${requested}`, /with Dr /, 'appointment detail (admin, read-only)');
  await check(page, `/doctors/${world.doctor.id}/availability`, `Availability of Dr ${world.doctor.firstName} ${world.doctor.lastName}`, 'availability (admin)');
  await check(page, '/audit', 'Audit log', 'audit (hospital admin)');
  await check(page, '/change-password', 'Change password');
});

test('doctor pages', async ({ page }) => {
  await signInAs(page, world.doctor.email, world.doctor.newPassword);
  await check(page, '/', `Welcome, Dr ${world.doctor.lastName}`, 'doctor dashboard');
  await expect(page.getByRole('region', { name: 'Requests waiting for you' }).getByRole('link')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, 'doctor dashboard with a request');
  await check(page, '/profile', 'My profile', 'doctor profile');
  await check(page, '/appointments', 'Appointments', 'doctor appointments');
  await check(page, `/appointments/${requested}`, /^Appointment with /, 'appointment detail (doctor)');
  await page.getByRole('button', { name: 'Propose another time' }).click();
  await expect(page.getByRole('dialog').getByRole('radio').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'propose dialog');
  await page.getByRole('button', { name: 'Go back' }).click();
  await page.getByRole('button', { name: 'Reject', exact: true }).click();
  await page.getByRole('button', { name: 'Reject request' }).click();
  await expect(page.getByRole('dialog').getByLabel('Reason for the patient')).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'reject dialog with an error');
  await page.getByRole('button', { name: 'Go back' }).click();
  await check(page, '/availability', 'Availability', 'availability editor');
  await page.getByRole('button', { name: 'Add hours on Monday' }).click();
  await page.getByRole('button', { name: 'Add an exception' }).click();
  // The new Monday window starts where the last ended, with a valid end already.
  await expect(page.getByRole('group', { name: 'Monday' }).getByLabel('From').nth(1)).toHaveValue('20:00');
  await expect(page.getByRole('group', { name: 'Monday' }).getByLabel('To').nth(1)).toHaveValue('21:00');
  await page.getByRole('button', { name: 'Save availability' }).click();
  // The exception without a date is the first problem.
  await expect(page.getByRole('group', { name: 'Exception 1' }).getByLabel('Date')).toBeFocused();
  await expect(page.getByRole('group', { name: 'Exception 1' }).getByLabel('Date')).toHaveAccessibleDescription(/Enter a date/);
  await expectNoSeriousA11yViolations(page, 'availability editor with errors');
  await check(page, '/notifications', 'Notifications', 'doctor notifications');
});

test('patient pages, and the not-allowed page', async ({ page }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  await check(page, '/', `Welcome, ${world.patient.firstName}`, 'patient dashboard');
  await check(page, '/profile', 'My profile', 'patient profile');
  await check(page, '/find-doctor', 'Find a doctor');
  await check(page, `/book/${world.doctor.id}`, `Book Dr ${world.doctor.firstName} ${world.doctor.lastName}`, 'booking page');
  await page.getByRole('button', { name: 'Request appointment' }).click();
  await expect(page.getByText('Choose one of the free times')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'booking page with errors');
  await page.getByRole('radio').first().check();
  // Checking scrolled the times up under the sticky header, which axe counts as covered targets.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectNoSeriousA11yViolations(page, 'booking page with a time chosen');
  await check(page, '/appointments', 'Appointments', 'patient appointments');
  await check(page, '/appointments?tab=past', 'Appointments', 'patient past appointments');
  await check(page, `/appointments/${proposed}`, /^Appointment with /, 'appointment detail with a proposal');
  await page.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'cancel dialog');
  await page.getByRole('button', { name: 'Go back' }).click();
  await check(page, '/notifications', 'Notifications', 'patient notifications');
  await page.getByRole('button', { name: /^Notifications/ }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'notifications panel open');
  await check(page, '/hospitals', 'You don’t have access to this page', 'not allowed');
  await check(page, '/no-such-page', 'Page not found', 'not found');
});

test('payment pages of the patient: the fee due, a cancelled payment, the receipt, the refund policy', async ({ page }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  await check(page, `/appointments/${due}`, /^Appointment with /, 'appointment with the fee due');
  await expect(page.getByRole('button', { name: 'Pay Rs 1,500.00' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'appointment with the fee due, loaded');
  await check(page, `/appointments/${due}?payment=cancelled`, /^Appointment with /, 'appointment after a cancelled payment');
  await check(page, `/appointments/${paid}?payment=paid`, /^Appointment with /, 'paid appointment with its receipt');
  await expect(page.getByRole('article', { name: /^Receipt/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'paid appointment with its receipt, loaded');
  await page.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(page.getByRole('dialog').getByText(/back in full/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'cancel dialog with the refund policy');
});

test('payment pages of the hospital admin: payments, a paid visit, the desk payment dialog', async ({ page }) => {
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await check(page, '/payments', 'Payments', 'payments (hospital admin)');
  await expect(page.getByRole('region', { name: 'Payments', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'payments (hospital admin), loaded');
  await page.getByLabel('Status').selectOption('failed');
  await expect(page.getByRole('heading', { name: 'No payments match these filters' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'payments, filtered to none');
  await check(page, `/appointments/${paid}`, /with Dr /, 'paid appointment (hospital admin)');
  await expect(page.getByRole('list', { name: 'Payments of this appointment' })).toBeVisible();
  await check(page, `/appointments/${due}`, /with Dr /, 'unpaid appointment (hospital admin)');
  await page.getByRole('button', { name: 'Record desk payment' }).click();
  await expect(page.getByRole('dialog').getByLabel('Desk receipt number')).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'desk payment dialog');
});

test('payment pages of the super admin and the doctor', async ({ page }) => {
  await signInAs(page, SUPERADMIN.email, SUPERADMIN.password);
  await check(page, '/payments', 'Payments', 'payments and totals (super admin)');
  await page.getByLabel('Hospital', { exact: true }).selectOption({ label: world.hospital.name });
  await expect(page.getByRole('region', { name: 'Payments', exact: true }).getByRole('row')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page, 'payments of one hospital (super admin)');
  await signInAs(page, world.doctor.email, world.doctor.newPassword);
  await check(page, `/appointments/${paid}`, /^Appointment with /, 'paid appointment (doctor)');
  await expect(page.getByText('Payment: Paid.')).toBeVisible();
});

test('payment pages on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await check(page, '/payments', 'Payments', '/payments on a phone');
  await expect(page.getByRole('list', { name: 'Payments', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '/payments on a phone, loaded');
  await signInAs(page, world.patient.email, world.patient.password);
  await check(page, `/appointments/${due}`, /^Appointment with /, 'appointment with the fee due on a phone');
  await expect(page.getByRole('button', { name: 'Pay Rs 1,500.00' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'appointment with the fee due on a phone, loaded');
  await check(page, `/appointments/${paid}`, /^Appointment with /, 'paid appointment with its receipt on a phone');
  await expect(page.getByRole('article', { name: /^Receipt/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'receipt on a phone, loaded');
  await context.close();
});

test('the forced password change page', async ({ page }) => {
  await signInAs(page, world.newDoctor.email, world.newDoctor.password);
  await check(page, '/', 'Choose a new password', 'forced password change');
});

test('on a phone, with the menus open', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await check(page, '/login', 'Sign in', '/login on a phone');
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await check(page, '/', `Welcome, ${world.admin.firstName}`, 'dashboard on a phone');
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'phone navigation open');
  await page.getByRole('button', { name: /account menu/i }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'phone account menu open');
  await check(page, '/audit', 'Audit log', '/audit on a phone');
  await check(page, '/appointments', 'Appointments', '/appointments on a phone');
  await signInAs(page, world.patient.email, world.patient.password);
  await check(page, `/book/${world.doctor.id}`, /^Book Dr /, 'booking page on a phone');
  await check(page, `/appointments/${proposed}`, /^Appointment with /, 'appointment detail on a phone');
  await context.close();
});
