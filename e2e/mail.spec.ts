import { expect, test, type Page } from '@playwright/test';
import { TestSmtp, linkIn } from '../src/server/test/smtp.js';
import { RUN, SUPERADMIN, person } from './support/accounts.js';
import { Api, hospitalBody } from './support/api.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { startOwnServer } from './support/own-server.js';
import { signIn } from './support/ui.js';

/**
 * Mail in the browser, against a server of this spec's own that sends to a real SMTP server on
 * loopback (smtp-server, in this process), whose messages the tests read: "Forgot password?"
 * from the request to the new password (and the old sessions gone), a reused or tampered link,
 * and a sign-up confirmed by its link.
 */
test.describe.configure({ timeout: 180_000 });

let smtp: TestSmtp;
let server: Awaited<ReturnType<typeof startOwnServer>>;
let hospitalId: string;
const patient = person('mail-patient', 'Gita', 'Karki');

test.beforeAll(async () => {
  test.setTimeout(180_000);
  smtp = await TestSmtp.start();
  server = await startOwnServer((url) => ({ SMTP_URL: smtp.url, PUBLIC_URL: url, MAIL_FROM: 'Telemedicine <care@e2e.test>', MAIL_POLL_SECONDS: '1' }));
  const root = await Api.signIn(server.url, SUPERADMIN.email, SUPERADMIN.password);
  hospitalId = (await root.send<{ id: string }>('post', '/api/hospitals', hospitalBody(`Mail Hospital ${RUN}`), 201)).id;
  const admin = person('mail-admin', 'Sunita', 'Lama');
  await root.send('post', `/api/hospitals/${hospitalId}/admins`, { email: admin.email, password: admin.password, firstName: admin.firstName, lastName: admin.lastName }, 201);
  const adminApi = await Api.signInFirstTime(server.url, admin);
  await adminApi.send('post', `/api/hospitals/${hospitalId}/patients`, { email: patient.email, password: patient.password, firstName: patient.firstName, lastName: patient.lastName }, 201);
  await (await Api.signInFirstTime(server.url, patient)).dispose();
  await Promise.all([root.dispose(), adminApi.dispose()]);
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});


const at = (path: string) => `${server.url}${path}`;

async function requestReset(page: Page, email: string) {
  await page.goto(at('/login'));
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '/forgot-password');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByText('Check your email')).toBeVisible();
}

test('a forgotten password is replaced from the mailed link, and every old session ends', async ({ browser }) => {
  // Signed in elsewhere, before the reset.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto(at('/login'));
  await signIn(elsewhere, patient.email, patient.newPassword);
  await expect(elsewhere.getByRole('heading', { level: 1, name: `Welcome, ${patient.firstName}` })).toBeVisible();

  const context = await browser.newContext();
  const page = await context.newPage();
  const before = smtp.to(patient.email).length;
  await requestReset(page, patient.email);
  await expectNoSeriousA11yViolations(page, '/forgot-password, sent');
  // An unknown address is told exactly the same.
  const said = await page.getByRole('status').filter({ hasText: 'Check your email' }).innerText();
  await requestReset(page, `nobody.${RUN}@e2e.test`);
  expect(await page.getByRole('status').filter({ hasText: 'Check your email' }).innerText()).toBe(said.replace(patient.email, `nobody.${RUN}@e2e.test`));

  const mail = await smtp.waitFor(patient.email, () => smtp.to(patient.email).length > before);
  expect(mail.subject).toBe(`Reset your password · Mail Hospital ${RUN}`);
  expect(mail.html).toContain('Choose a new password');
  const link = linkIn(mail, at('/reset-password?token='));
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '/reset-password');
  const chosen = `Reset-${RUN}-password!`;
  await page.getByLabel('New password', { exact: true }).fill(chosen);
  await page.getByLabel('Confirm new password').fill(`${chosen}x`);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByLabel('Confirm new password')).toHaveAccessibleDescription(/do not match/);
  await expectNoSeriousA11yViolations(page, '/reset-password with an error');
  await page.getByLabel('Confirm new password').fill(chosen);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Your new password is set')).toBeVisible();

  // The old password no longer works; the new one does.
  await signIn(page, patient.email, patient.newPassword);
  await expect(page.getByRole('alert')).toContainText('Email or password is incorrect');
  await page.getByLabel('Password').fill(chosen);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${patient.firstName}` })).toBeVisible();

  // The session from before the reset is gone.
  await elsewhere.reload();
  await expect(elsewhere.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  patient.newPassword = chosen;

  // The same link again: refused, with a way to a new one.
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('Another-long-password-1');
  await page.getByLabel('Confirm new password').fill('Another-long-password-1');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('This link does not work any more')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Get a new link' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '/reset-password, used link');
  await Promise.all([context.close(), other.close()]);
});

test('a tampered link is refused and changes nothing', async ({ page }) => {
  const before = smtp.to(patient.email).length;
  await requestReset(page, patient.email);
  const mail = await smtp.waitFor(patient.email, () => smtp.to(patient.email).length > before);
  const link = linkIn(mail, at('/reset-password?token='));
  const tampered = link.replace(/token=(.)/, (_m, c: string) => `token=${c === 'A' ? 'B' : 'A'}`);
  await page.goto(tampered);
  await page.getByLabel('New password', { exact: true }).fill('Tampered-password-1');
  await page.getByLabel('Confirm new password').fill('Tampered-password-1');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('This link does not work any more')).toBeVisible();
  // A link cut short is refused at once.
  await page.goto(at('/reset-password?token=abc'));
  await expect(page.getByText('This link does not work any more')).toBeVisible();
  // The password is unchanged.
  const api = await Api.signIn(server.url, patient.email, patient.newPassword);
  await api.dispose();
});

test('a new patient confirms the address from the mailed link before booking', async ({ page }) => {
  const newcomer = person('mail-newcomer', 'Bishnu', 'Gurung');
  await page.goto(at('/signup'));
  await page.getByLabel('Hospital').selectOption(hospitalId);
  await page.getByLabel('First name').fill(newcomer.firstName);
  await page.getByLabel('Last name').fill(newcomer.lastName);
  await page.getByLabel('Email address').fill(newcomer.email);
  await page.getByLabel('Password').fill(newcomer.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '/signup, check your email');

  await page.goto(at('/login'));
  await signIn(page, newcomer.email, newcomer.password);
  await expect(page.getByText('Confirm your email address to book visits')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'dashboard of an unconfirmed patient');

  const mail = await smtp.waitFor(newcomer.email);
  expect(mail.subject).toBe(`Confirm your email address · Mail Hospital ${RUN}`);
  await page.goto(linkIn(mail, at('/confirm-email?token=')));
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your email address' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '/confirm-email');
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByText('Your address is confirmed')).toBeVisible();
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${newcomer.firstName}` })).toBeVisible();
  await expect(page.getByText('Confirm your email address to book visits')).toHaveCount(0);
});
