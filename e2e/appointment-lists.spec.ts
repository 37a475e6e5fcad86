import { expect, test, type Page } from '@playwright/test';
import { SUPERADMIN } from './support/accounts.js';
import { Api } from './support/api.js';
import { freeSlots, openEveryDay, requestSlot } from './support/appointments.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { seedWorld, signInAs, type World } from './support/seed.js';

/**
 * The appointment lists split the way each side expects: what needs my action, what is coming,
 * what took place, and what was cancelled (rejected and cancelled visits are never "past",
 * even when their date is still ahead). Each appointment shows its own unread chat messages.
 */
test.describe.configure({ mode: 'serial' });

let world: World;
const at: Record<'requested' | 'pending' | 'scheduled' | 'rejected' | 'cancelled' | 'confirmed', string> = {
  requested: '',
  pending: '',
  scheduled: '',
  rejected: '',
  cancelled: '',
  confirmed: '',
};

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'Lists');
  const root = await Api.signIn(baseURL!, SUPERADMIN.email, SUPERADMIN.password);
  const doctor = await Api.signIn(baseURL!, world.doctor.email, world.doctor.newPassword);
  const patient = await Api.signIn(baseURL!, world.patient.email, world.patient.password);
  await openEveryDay(doctor, world.doctor.id);
  const slots = await freeSlots(patient, world.doctor.id);
  const pick = (i: number) => slots[i * 2]!;
  at.requested = await requestSlot(patient, world.doctor.id, pick(1));
  at.pending = await requestSlot(patient, world.doctor.id, pick(2));
  at.scheduled = await requestSlot(patient, world.doctor.id, pick(3));
  at.rejected = await requestSlot(patient, world.doctor.id, pick(4));
  at.cancelled = await requestSlot(patient, world.doctor.id, pick(5));
  await doctor.send('post', `/api/appointments/${at.pending}/propose`, { startsAt: pick(6).startsAt });
  await doctor.send('post', `/api/appointments/${at.scheduled}/approve`, {});
  await doctor.send('post', `/api/appointments/${at.rejected}/reject`, { reason: 'Not my field.' });
  await patient.send('post', `/api/appointments/${at.cancelled}/cancel`, { reason: 'Feeling better.' });
  // A free visit is confirmed on approval: one confirmed appointment without payments.
  await root.send('patch', `/api/hospitals/${world.hospital.id}`, { appointmentFee: 0 });
  at.confirmed = await requestSlot(patient, world.doctor.id, pick(7));
  await doctor.send('post', `/api/appointments/${at.confirmed}/approve`, {});
  await root.send('patch', `/api/hospitals/${world.hospital.id}`, { appointmentFee: 150_000 });
  // Two chat messages the patient has not read yet.
  for (const text of ['Please bring your vaccination card.', 'And the growth chart, if you have it.']) {
    await doctor.send('post', `/api/appointments/${at.scheduled}/messages`, { text }, 201);
  }
  await Promise.all([root.dispose(), doctor.dispose(), patient.dispose()]);
});

/** The ids of the appointments the list shows, in order. */
async function listed(page: Page): Promise<string[]> {
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
  // The previous list stays on screen, marked busy, until the new one has come.
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
  const list = page.getByRole('main').getByRole('list').last();
  await expect(list.or(page.getByRole('heading', { level: 3 }))).toBeVisible();
  return page
    .getByRole('main')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '').filter((h) => /^\/appointments\/[0-9a-f-]{36}$/.test(h)).map((h) => h.slice(14)));
}

/** The API paths the page asks for from now on, in order. */
function apiCalls(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/api/')) asked.push(pathname);
  });
  return asked;
}

async function openList(page: Page, tab: string) {
  await page.getByRole('navigation', { name: 'Appointment lists' }).getByRole('link', { name: new RegExp(`^${tab}`) }).click();
  await expect(page.getByRole('navigation', { name: 'Appointment lists' }).getByRole('link', { name: new RegExp(`^${tab}`) })).toHaveAttribute('aria-current', 'page');
}

test('the patient: proposals and unpaid visits need action; rejected and cancelled are apart from the past', async ({ page }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  await page.goto('/appointments');
  // Something waits for the patient, so the page opens there, with the count.
  const needs = page.getByRole('link', { name: 'Needs action, 2' });
  await expect(needs).toHaveAttribute('aria-current', 'page');
  expect((await listed(page)).sort()).toEqual([at.pending, at.scheduled].sort());
  // The unpaid visit has two unread messages from the doctor; the other none.
  const scheduledRow = page.getByRole('listitem').filter({ has: page.locator(`a[href="/appointments/${at.scheduled}"]`) });
  await expect(scheduledRow).toContainText('2 unread messages');
  const pendingRow = page.getByRole('listitem').filter({ has: page.locator(`a[href="/appointments/${at.pending}"]`) });
  await expect(pendingRow).not.toContainText('unread');
  await expectNoSeriousA11yViolations(page, 'patient: needs action');

  await openList(page, 'Upcoming');
  expect((await listed(page)).sort()).toEqual([at.requested, at.confirmed].sort());
  await openList(page, 'Past');
  await expect(page.getByRole('heading', { name: 'No past appointments' })).toBeVisible();
  await openList(page, 'Cancelled');
  expect((await listed(page)).sort()).toEqual([at.rejected, at.cancelled].sort());
  await expectNoSeriousA11yViolations(page, 'patient: cancelled');
});

test('the patient\'s dashboard opens whole from one call: next visits with their unread messages, the profile, the header\'s counts', async ({ page }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  const asked = apiCalls(page);
  await page.goto('/');
  const upcoming = page.getByRole('region', { name: 'Upcoming appointments' });
  // Everything that holds time, soonest first: the request, the proposal, the two approved visits.
  await expect(upcoming.getByRole('listitem')).toHaveCount(4);
  await expect(upcoming.getByRole('listitem').filter({ has: page.locator(`a[href="/appointments/${at.scheduled}"]`) })).toContainText('2 unread messages');
  await expect(page.getByRole('region', { name: 'Medical profile' })).toContainText('Your medical profile');
  await expect(page.getByRole('button', { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Messages, [1-9]\d* unread$/ })).toBeVisible();
  // Nothing was shown half-loaded, and nothing asked again for what the one call answered.
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  expect(asked).toEqual(['/api/auth/me', '/api/dashboard']);
  await expectNoSeriousA11yViolations(page, 'patient: dashboard');
});

test('the doctor\'s dashboard opens whole from one call: the requests to answer, the day, the hours and profile, the header\'s counts', async ({ page }) => {
  await signInAs(page, world.doctor.email, world.doctor.newPassword);
  const asked = apiCalls(page);
  await page.goto('/');
  const requests = page.getByRole('region', { name: 'Requests waiting for you' });
  await expect(requests.getByRole('listitem')).toHaveCount(1);
  await expect(requests.locator(`a[href="/appointments/${at.requested}"]`)).toBeVisible();
  await expect(requests).toContainText('1 waiting for an answer');
  await expect(page.getByRole('region', { name: 'Today’s schedule' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Available for appointments' })).toBeChecked();
  await expect(page.getByText('Patients can book visits with you.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your profile' })).toContainText('Specialization');
  await expect(page.getByRole('button', { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^(Loading|Checking)/ })).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  expect(asked).toEqual(['/api/auth/me', '/api/dashboard/doctor']);
  await expectNoSeriousA11yViolations(page, 'doctor: dashboard');
});

test('the doctor: requests need action; visits waiting for the patient are upcoming', async ({ page }) => {
  await signInAs(page, world.doctor.email, world.doctor.newPassword);
  await page.goto('/appointments');
  await expect(page.getByRole('link', { name: 'Needs action, 1' })).toHaveAttribute('aria-current', 'page');
  expect(await listed(page)).toEqual([at.requested]);
  await openList(page, 'Upcoming');
  expect((await listed(page)).sort()).toEqual([at.pending, at.scheduled, at.confirmed].sort());
  await openList(page, 'Cancelled');
  expect((await listed(page)).sort()).toEqual([at.rejected, at.cancelled].sort());
});

test('staff: everything waiting for someone, confirmed visits upcoming; the same on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await page.goto('/appointments');
  await expect(page.getByRole('link', { name: 'Needs action, 3' })).toHaveAttribute('aria-current', 'page');
  expect((await listed(page)).sort()).toEqual([at.requested, at.pending, at.scheduled].sort());
  await openList(page, 'Upcoming');
  expect(await listed(page)).toEqual([at.confirmed]);
  await openList(page, 'Cancelled');
  expect((await listed(page)).sort()).toEqual([at.rejected, at.cancelled].sort());
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page, 'staff: cancelled, on a phone');
  await context.close();
});
