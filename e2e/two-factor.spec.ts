import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { SUPERADMIN } from './support/accounts.js';
import { Api } from './support/api.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { seedWorld, type World } from './support/seed.js';
import { signIn, signOut } from './support/ui.js';

/**
 * Two-factor sign-in in the browser: setting up an authenticator app (the test computes its
 * codes, as an app would, from the key the page shows), signing in with a code and with a
 * recovery code, and an admin held to setting it up once the hospital requires it.
 */
let world: World;
// Each test signs in several times over.
test.describe.configure({ timeout: 150_000 });

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'TwoFactor');
});

/** The app's code for the next 30-second step: the step the setup used is spent, and the next one is accepted already. */
const nextCode = (key: string) => new TOTP({ secret: Secret.fromBase32(key.replace(/\s+/g, '')), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + 30_000 });

async function setUp(page: Page): Promise<{ key: string; codes: string[] }> {
  await expect(page.getByRole('heading', { level: 1, name: 'Two-factor sign-in' })).toBeVisible();
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '/two-factor, scanning');
  const key = await page.getByLabel('Setup key').innerText();
  await page.getByLabel('Code from the app').fill('000000');
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(page.getByLabel('Code from the app')).toHaveAccessibleDescription(/not valid/);
  await page.getByLabel('Code from the app').fill(new TOTP({ secret: Secret.fromBase32(key.replace(/\s+/g, '')) }).generate());
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  const list = page.getByRole('list', { name: 'Recovery codes' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  await expectNoSeriousA11yViolations(page, '/two-factor, recovery codes');
  return { key, codes: await list.getByRole('listitem').allInnerTexts() };
}

async function codeStep(page: Page, email: string, password: string, code: string) {
  await page.goto('/login');
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
}

test('a doctor sets up an authenticator app, then signs in with its code and with a recovery code', async ({ page }) => {
  await page.goto('/login');
  await signIn(page, world.doctor.email, world.doctor.newPassword);
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
  await page.goto('/profile');
  await page.getByRole('link', { name: 'Set up two-factor sign-in' }).click();
  const { key, codes } = await setUp(page);
  await page.getByRole('button', { name: 'I have saved them: continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  await expect(page.getByText('Two-factor sign-in is on.')).toBeVisible();
  await page.getByRole('region', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // The password alone is not enough: a wrong code is refused, the app's code lets in.
  await codeStep(page, world.doctor.email, world.doctor.newPassword, '123456');
  await expect(page.getByLabel('Code')).toHaveAccessibleDescription(/not valid/);
  await expectNoSeriousA11yViolations(page, '/login, the code step with an error');
  await page.getByLabel('Code').fill(nextCode(key));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
  await signOut(page);

  await codeStep(page, world.doctor.email, world.doctor.newPassword, codes[0]!);
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
  await page.goto('/two-factor');
  await expect(page.getByText('9 of 10 recovery codes left')).toBeVisible();
  await expectNoSeriousA11yViolations(page, '/two-factor, on');
});

test("a hospital's admin must set it up once the hospital requires it", async ({ page, baseURL }) => {
  const root = await Api.signIn(baseURL!, SUPERADMIN.email, SUPERADMIN.password);
  await root.send('patch', `/api/hospitals/${world.hospital.id}`, { adminTwoFactorRequired: true });
  await root.dispose();
  await page.goto('/login');
  await signIn(page, world.admin.email, world.admin.newPassword);
  await expect(page.getByText('Set up two-factor sign-in to continue')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, '/two-factor, required');
  // Nothing else opens until it is done.
  await page.goto('/doctors');
  await expect(page).toHaveURL(/\/two-factor/);
  await setUp(page);
  await page.getByRole('button', { name: 'I have saved them: continue' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.goto('/two-factor');
  await expect(page.getByText('Your role requires two-factor sign-in')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Turn off two-factor sign-in' })).toHaveCount(0);
});
