import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { seedWorld, type World } from './support/seed.js';
import { signIn } from './support/ui.js';

/**
 * Sign-in throttling on the real server (decision 10): a known and an unknown email are answered
 * alike; the page says how many attempts are left when few are, then how long to wait, and keeps
 * the button off until then. (Five failures per email, well under what one address may fail.)
 */
let world: World;

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'Throttle');
});

/** What the page says after each of five wrong passwords for `email` (the server's default allowance). */
async function failFiveTimes(page: Page, email: string): Promise<string[]> {
  await page.goto('/login');
  const said: string[] = [];
  for (let i = 0; i < 5; i++) {
    if (i === 0) await signIn(page, email, 'not-the-password');
    else {
      await page.getByLabel('Password').fill(`not-the-password-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
    }
    const message = page.getByRole('alert').or(page.getByRole('status').filter({ hasText: 'Try again in' }));
    await expect(message).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).not.toHaveText(/Signing in/);
    said.push((await message.innerText()).replace(/\d+ seconds?/g, 'N seconds'));
    if (i < 4) await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  return said;
}

test('a known and an unknown email are told the same, and the wait is counted down', async ({ page }) => {
  const known = await failFiveTimes(page, world.patient.email);
  expect(known[0]).toContain('Email or password is incorrect');
  expect(known[0]).not.toContain('attempts left');
  expect(known[1]).toContain('3 attempts left before sign-in for this email is slowed down.');
  expect(known[3]).toContain('1 attempt left before sign-in for this email is slowed down.');
  expect(known[4]).toContain('Email or password is incorrect');
  expect(known[4]).toContain('Try again in N seconds.');
  // Counting down, with the button off; even the right password waits.
  const notice = page.getByRole('status').filter({ hasText: 'Try again in' });
  const first = Number(/(\d+) seconds?/.exec(await notice.innerText())![1]);
  await expect.poll(async () => Number(/(\d+) seconds?/.exec(await notice.innerText())![1])).toBeLessThan(first);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  await expectNoSeriousA11yViolations(page, 'sign-in page while throttled');

  const unknown = await failFiveTimes(page, `nobody.${Date.now()}@e2e.test`);
  expect(unknown).toEqual(known);
});
