import { expect, test } from '@playwright/test';
import { SUPERADMIN } from './support/accounts.js';
import { signInAs } from './support/seed.js';
import { signIn } from './support/ui.js';

/**
 * Empty and failure states the real server rarely produces on demand: the browser's requests
 * are answered by hand for these, to see what a person is shown.
 */

const problem = (status: number, code: string, title: string, detail?: string) => ({
  status,
  contentType: 'application/problem+json',
  body: JSON.stringify({ type: 'about:blank', title, status, code, ...(detail ? { detail } : {}) }),
});

test('sign-up explains when no hospital accepts patients yet', async ({ page }) => {
  await page.route('**/api/public/hospitals*', (route) =>
    route.fulfill({ json: { items: [], total: 0 } }),
  );
  await page.goto('/signup');
  await expect(page.getByRole('heading', { name: 'No hospitals are accepting patients yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create account' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a throttled sign-in counts down to when it may try again, with the button off meanwhile', async ({ page }) => {
  // (Account lockout, 423 account_locked, is gone: the server throttles instead, decision 10.)
  await page.route('**/api/auth/login', (route) =>
    route.fulfill({
      ...problem(429, 'login_throttled', 'Too many sign-in attempts', 'Too many failed sign-ins. Try again in 3 seconds.'),
      headers: { 'retry-after': '3' },
      body: JSON.stringify({ type: 'about:blank', title: 'Too many sign-in attempts', status: 429, code: 'login_throttled', retryAfterSeconds: 3 }),
    }),
  );
  await signIn(page, 'someone@e2e.test', 'whatever-it-is');
  const notice = page.getByRole('status').filter({ hasText: 'Too many sign-in attempts' });
  await expect(notice).toContainText(/Try again in [23] seconds\./);
  const submit = page.getByRole('button', { name: 'Sign in' });
  await expect(submit).toBeDisabled();
  await expect(notice).toContainText('Try again in 1 second.');
  await expect(submit).toBeEnabled({ timeout: 5_000 });
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'You can try to sign in again now.' })).toBeAttached();
});

test('a wrong password says how many attempts are left when few are', async ({ page }) => {
  let left = 4;
  await page.route('**/api/auth/login', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Email or password is incorrect', status: 401, code: 'invalid_credentials', attemptsLeft: left-- }),
    }),
  );
  await signIn(page, 'someone@e2e.test', 'whatever-it-is');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Email or password is incorrect');
  await expect(alert).not.toContainText('attempts left');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toContainText('3 attempts left before sign-in for this email is slowed down.');
});

test('a list that fails to load says so and can be retried', async ({ page }) => {
  let failures = 0;
  await page.route('**/api/hospitals?*', (route) => {
    if (failures < 3) {
      failures += 1;
      return route.fulfill(problem(503, 'internal_error', 'Something went wrong on our side'));
    }
    return route.fallback();
  });
  await signInAs(page, SUPERADMIN.email, SUPERADMIN.password);
  await page.goto('/hospitals');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not load hospitals');
  await expect(alert).toContainText('Something went wrong on our side');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'All hospitals' })).toBeVisible();
});

test('a forced password change is enforced even if the app thought otherwise', async ({ page }) => {
  await signInAs(page, SUPERADMIN.email, SUPERADMIN.password);
  await page.route('**/api/hospitals?*', (route) =>
    route.fulfill(problem(403, 'password_change_required', 'Change your password to continue')),
  );
  await page.goto('/hospitals');
  await expect(page).toHaveURL(/\/change-password\?next=%2Fhospitals/);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
});
