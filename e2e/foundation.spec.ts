import { expect, test, type Browser, type Page } from '@playwright/test';
import { RUN, SUPERADMIN, person } from './support/accounts.js';
import { completeForcedPasswordChange, navigate, signIn, signOut } from './support/ui.js';

/**
 * The platform's first day, through the browser only: the super admin sets up a hospital and
 * its administrator, the administrator adds a doctor, a patient signs up, and everyone lands
 * on their own dashboard. Each step builds on the one before, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

const hospitalName = `Bir Hospital ${RUN}`;
const admin = person('admin', 'Asha', 'Karki');
const doctor = person('doctor', 'Bikash', 'Thapa');
const patient = person('patient', 'Sita', 'Gurung');

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('the super admin signs in and creates a hospital with an administrator', async ({ browser }) => {
  const page = await freshPage(browser);
  await signIn(page, SUPERADMIN.email, SUPERADMIN.password);

  await expect(page).toHaveTitle('Dashboard · Telemedicine');
  await expect(page.getByRole('heading', { name: 'Hospitals overview' })).toBeVisible();

  await navigate(page, 'Hospitals');
  await expect(page.getByRole('heading', { level: 1, name: 'Hospitals' })).toBeVisible();
  await page.getByRole('button', { name: 'Add hospital' }).click();
  const form = page.getByRole('form', { name: 'New hospital' });

  // Submitting an empty form explains every problem and puts the cursor on the first one.
  await form.getByRole('button', { name: 'Create hospital' }).click();
  const name = form.getByLabel('Hospital name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(form.getByLabel('Appointment fee (Rs)')).toHaveAccessibleDescription(/Enter an amount in rupees/);

  await name.fill(hospitalName);
  await form.getByLabel('Address', { exact: true }).fill('Mahaboudha, Kathmandu');
  await form.getByLabel('Phone').fill('+977 1 4221119');
  await form.getByLabel('Email address').fill(`bir.${RUN}@e2e.test`);
  await expect(form.getByLabel('Time zone')).toHaveValue('Asia/Kathmandu');
  await form.getByLabel('Appointment fee (Rs)').fill('1,500.50');
  await form.getByRole('button', { name: 'Create hospital' }).click();

  // The new hospital's page: the fee went in as rupees and comes back exactly.
  await expect(page.getByRole('heading', { level: 1, name: hospitalName })).toBeVisible();
  await expect(page.getByText('Hospital created')).toBeVisible();
  await expect(page.getByText('Rs 1,500.50')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No administrators yet' })).toBeVisible();

  await page.getByRole('button', { name: 'Add administrator' }).click();
  const adminForm = page.getByRole('form', { name: 'New administrator' });
  await adminForm.getByLabel('First name').fill(admin.firstName);
  await adminForm.getByLabel('Last name').fill(admin.lastName);
  await adminForm.getByLabel('Email address').fill(admin.email);
  await adminForm.getByLabel('Temporary password').fill(admin.password);
  await adminForm.getByRole('button', { name: 'Create administrator' }).click();

  await expect(page.getByText('Administrator added')).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: admin.email });
  await expect(row).toContainText(`${admin.firstName} ${admin.lastName}`);
  await expect(row).toContainText('Temporary password');

  await signOut(page);
  await page.context().close();
});

test('the administrator must change the password, then adds a doctor', async ({ browser }) => {
  const page = await freshPage(browser);
  await signIn(page, admin.email, admin.password);
  await completeForcedPasswordChange(page, admin.password, admin.newPassword);

  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${admin.firstName}` })).toBeVisible();
  await expect(page.getByText(`Hospital admin · ${hospitalName}`)).toBeVisible();
  await expect(page.getByRole('link', { name: /0\s*Doctors/ })).toBeVisible();

  await navigate(page, 'Doctors');
  await expect(page.getByRole('heading', { level: 1, name: 'Doctors' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No doctors yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Add doctor' }).first().click();
  const doctorForm = page.getByRole('form', { name: 'New doctor' });
  await doctorForm.getByLabel('First name').fill(doctor.firstName);
  await doctorForm.getByLabel('Last name').fill(doctor.lastName);
  await doctorForm.getByLabel('Email address').fill(doctor.email);
  await doctorForm.getByLabel('Temporary password').fill(doctor.password);
  await doctorForm.getByLabel('Specialization').fill('Cardiology');
  await doctorForm.getByLabel('Licence number').fill(`NMC-${RUN}`);
  await doctorForm.getByLabel('Years of experience').fill('12');
  await doctorForm.getByRole('button', { name: 'Create doctor' }).click();

  await expect(page.getByText('Doctor added')).toBeVisible();
  const list = page.getByRole('list').filter({ hasText: `Dr ${doctor.firstName} ${doctor.lastName}` });
  await expect(list).toContainText('Cardiology · 12 years of experience');

  // The search narrows the list, and says so when nothing matches.
  await page.getByLabel('Search doctors').fill('nobody-like-this');
  await expect(page.getByRole('heading', { name: 'No doctors match these filters' })).toBeVisible();
  await page.getByLabel('Search doctors').fill(doctor.lastName);
  await expect(page.getByRole('link', { name: `Dr ${doctor.firstName} ${doctor.lastName}` })).toBeVisible();

  await navigate(page, 'Dashboard');
  await expect(page.getByRole('link', { name: /1\s*Doctors/ })).toBeVisible();
  await page.context().close();
});

test('a patient signs up choosing that hospital and sees the patient dashboard', async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1, name: 'Create a patient account' })).toBeVisible();
  await page.getByLabel('Hospital').selectOption({ label: hospitalName });
  await page.getByLabel('First name').fill(patient.firstName);
  await page.getByLabel('Last name').fill(patient.lastName);
  await page.getByLabel('Email address').fill(patient.email);
  await page.getByLabel('Password').fill(patient.password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${patient.firstName}` })).toBeVisible();
  const yourHospital = page.getByRole('region', { name: 'Your hospital' });
  await expect(yourHospital).toContainText(hospitalName);
  await expect(page.getByText('Your medical profile is 0 of 5 complete')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No appointments yet' })).toBeVisible();

  // Filling in part of the profile moves the prompt on.
  await page.getByRole('link', { name: 'Complete your medical profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  await page.getByLabel('Blood type').selectOption('O+');
  await page.getByLabel('Allergies').fill('Penicillin (rash)');
  await page.getByRole('button', { name: 'Save medical profile' }).click();
  await expect(page.getByText('Your medical profile was saved.')).toBeVisible();
  await navigate(page, 'Dashboard');
  await expect(page.getByText('Your medical profile is 2 of 5 complete')).toBeVisible();
  await page.context().close();
});

test('the doctor must change the password, then sees the doctor dashboard', async ({ browser }) => {
  const page = await freshPage(browser);
  await signIn(page, doctor.email, doctor.password);
  await completeForcedPasswordChange(page, doctor.password, doctor.newPassword);

  await expect(page.getByRole('heading', { level: 1, name: `Welcome, Dr ${doctor.lastName}` })).toBeVisible();
  await expect(page.getByText('Cardiology', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No requests waiting' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nothing scheduled today' })).toBeVisible();

  const availability = page.getByRole('switch', { name: 'Available for appointments' });
  await expect(availability).toBeChecked();
  await availability.click();
  await expect(availability).not.toBeChecked();
  await expect(page.getByText('Patients cannot book you right now.')).toBeVisible();

  // The change was saved: it is still off after a reload.
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Available for appointments' })).not.toBeChecked();
  await page.context().close();
});

test('each person lands on their own dashboard after signing in', async ({ browser }) => {
  const cases = [
    { who: SUPERADMIN.email, password: SUPERADMIN.password, sees: 'Hospitals overview' },
    { who: admin.email, password: admin.newPassword, sees: 'Quick links' },
    { who: doctor.email, password: doctor.newPassword, sees: 'Availability' },
    { who: patient.email, password: patient.password, sees: 'Medical profile' },
  ];
  for (const c of cases) {
    const page = await freshPage(browser);
    await signIn(page, c.who, c.password);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 2, name: c.sees })).toBeVisible();
    await page.context().close();
  }
});

test('a patient cannot open the hospitals page', async ({ browser }) => {
  const page = await freshPage(browser);
  await signIn(page, patient.email, patient.password);
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${patient.firstName}` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hospitals' })).toHaveCount(0);

  await page.goto('/hospitals');
  await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
  await expect(page.getByText('Your account is a patient account')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'All hospitals' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Go to your dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${patient.firstName}` })).toBeVisible();
  await page.context().close();
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signIn(page, admin.email, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('Email or password is incorrect');
  await expect(page).toHaveURL(/\/login/);
});

test('a signed-out visitor is sent to sign in and then returned to the page they wanted', async ({ page }) => {
  await page.goto('/doctors');
  await expect(page).toHaveURL(/\/login\?next=%2Fdoctors/);
  await expect(page.getByText('Sign in to continue where you were.')).toBeVisible();
  await signIn(page, admin.email, admin.newPassword);
  await expect(page).toHaveURL(/\/doctors$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Doctors' })).toBeVisible();
});

test('on a phone the navigation opens from the menu button', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, admin.email, admin.newPassword);
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${admin.firstName}` })).toBeVisible();

  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
  // Following a link closes the menu again.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await context.close();
});
