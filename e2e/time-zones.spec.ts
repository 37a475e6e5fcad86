import { expect, test, type Page } from '@playwright/test';
import { SUPERADMIN } from './support/accounts.js';
import { Api } from './support/api.js';
import { freeSlots, openEveryDay, requestSlot } from './support/appointments.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { seedWorld, signInAs, type World } from './support/seed.js';

/**
 * Time zones: one spelling (the current IANA name, never ICU's legacy "Asia/Katmandu" that
 * Chromium reports for Kathmandu) and one format ("Nepal Time (Asia/Kathmandu)", no "GMT+5:45"),
 * and the hospital's zone chosen from a searchable list of current names only.
 */
let world: World;
let appointmentId: string;

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'Zones');
  const doctor = await Api.signIn(baseURL!, world.doctor.email, world.doctor.newPassword);
  const patient = await Api.signIn(baseURL!, world.patient.email, world.patient.password);
  await openEveryDay(doctor, world.doctor.id);
  appointmentId = await requestSlot(patient, world.doctor.id, (await freeSlots(patient, world.doctor.id))[0]!);
  await Promise.all([doctor.dispose(), patient.dispose()]);
});

async function expectOneSpelling(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('Katmandu');
  expect(text).not.toMatch(/GMT[+-]\d/);
}

test('every page spells and formats the zone one way', async ({ page }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  await page.goto(`/book/${world.doctor.id}`);
  await expect(page.getByText('Times are in your time zone, Nepal Time (Asia/Kathmandu).', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('radio').first()).toBeVisible();
  await expectOneSpelling(page);

  await page.goto(`/appointments/${appointmentId}`);
  await expect(page.getByText('Status: Requested.')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Your time zone, Nepal Time (Asia/Kathmandu)' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Nepal Time (Asia/Kathmandu)');
  await expect(page.getByRole('definition').filter({ hasText: /\d:\d\d\s[AP]M Nepal Time/ }).first()).toBeVisible();
  await expectOneSpelling(page);

  await signInAs(page, world.doctor.email, world.doctor.newPassword);
  await page.goto('/availability');
  await expect(page.getByRole('form', { name: 'Availability' }).getByText('Nepal Time (Asia/Kathmandu)')).toBeVisible();
  await expectOneSpelling(page);
});

test('the hospital’s zone is searched in a list of current names only', async ({ page }) => {
  await signInAs(page, SUPERADMIN.email, SUPERADMIN.password);
  await page.goto(`/hospitals/${world.hospital.id}`);
  await expect(page.getByRole('definition').filter({ hasText: 'Nepal Time (Asia/Kathmandu)' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Edit hospital details' });
  const zone = form.getByRole('combobox', { name: 'Time zone' });
  await expect(zone).toHaveValue('Asia/Kathmandu');

  // The whole list: current names, each once, no legacy spellings.
  await zone.click();
  const list = page.getByRole('listbox', { name: 'Time zone' });
  await expect(list).toBeVisible();
  const names = await list.getByRole('option').evaluateAll((els) => els.map((el) => el.firstElementChild!.textContent!));
  expect(names.length).toBeGreaterThan(300);
  expect(new Set(names).size).toBe(names.length);
  for (const legacy of ['Asia/Katmandu', 'Asia/Calcutta', 'Asia/Saigon', 'Asia/Rangoon', 'Europe/Kiev']) expect(names).not.toContain(legacy);
  for (const current of ['Asia/Kathmandu', 'Asia/Kolkata', 'Asia/Ho_Chi_Minh', 'Asia/Yangon', 'Europe/Kyiv', 'UTC']) expect(names).toContain(current);
  await expectNoSeriousA11yViolations(page, 'time zone list open');

  // Typing narrows it, by the zone's own name, its readable name or a former spelling.
  await zone.fill('calcutta');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('Asia/Kolkata');
  await expect(list.getByRole('option')).toContainText('India Standard Time');
  await zone.fill('nowhere at all');
  await expect(list.getByRole('option')).toHaveCount(0);
  await expect(page.getByText('No time zones match “nowhere at all”.')).toBeVisible();

  // Leaving half-typed puts the chosen zone back; the keyboard chooses another.
  await zone.press('Tab');
  await expect(zone).toHaveValue('Asia/Kathmandu');
  await zone.fill('eastern time new');
  await zone.press('ArrowDown');
  await zone.press('Enter');
  await expect(zone).toHaveValue('America/New_York');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Hospital details saved.')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Eastern Time (America/New_York)' })).toBeVisible();

  // And back, so the other tests of this hospital see Kathmandu.
  await page.getByRole('button', { name: 'Edit details' }).click();
  await form.getByRole('combobox', { name: 'Time zone' }).fill('nepal');
  await page.getByRole('option', { name: /Asia\/Kathmandu/ }).click();
  await expect(form.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Asia/Kathmandu');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('definition').filter({ hasText: 'Nepal Time (Asia/Kathmandu)' })).toBeVisible();
});

test('the time zone list on a phone passes axe', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAs(page, SUPERADMIN.email, SUPERADMIN.password);
  await page.goto('/hospitals?new=1');
  const zone = page.getByRole('form', { name: 'New hospital' }).getByRole('combobox', { name: 'Time zone' });
  await zone.fill('kath');
  await expect(page.getByRole('listbox', { name: 'Time zone' }).getByRole('option')).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page, 'time zone list on a phone');
  await context.close();
});
