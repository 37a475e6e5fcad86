import { expect, test, type Browser, type Page } from '@playwright/test';
import { Api } from './support/api.js';
import { freeSlots, openEveryDay, requestSlot, type Slot } from './support/appointments.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { notificationsReady } from './support/live.js';
import { seedWorld, signInAs, type World } from './support/seed.js';

/**
 * Notifications clear the way a person expects: opening or acting on an appointment marks its
 * notifications read (in every tab at once), and the bell offers "Mark all as read".
 */
test.describe.configure({ mode: 'serial' });

let world: World;
let patientApi: Api;
let slots: Slot[];
let next = 0;
const request = (symptoms: string) => requestSlot(patientApi, world.doctor.id, slots[(next += 2)]!, symptoms);

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'Bell');
  const doctor = await Api.signIn(baseURL!, world.doctor.email, world.doctor.newPassword);
  await openEveryDay(doctor, world.doctor.id);
  await doctor.dispose();
  patientApi = await Api.signIn(baseURL!, world.patient.email, world.patient.password);
  slots = await freeSlots(patientApi, world.doctor.id);
});

test.afterAll(async () => {
  await patientApi.dispose();
});

async function doctorPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, world.doctor.email, world.doctor.newPassword);
  return page;
}
const bell = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Notifications/ });

test('opening an appointment clears its notifications, in this tab and the others', async ({ browser }) => {
  const dashboard = await doctorPage(browser);
  const live = notificationsReady(dashboard);
  await dashboard.goto('/');
  await live;
  await expect(bell(dashboard)).toHaveAccessibleName('Notifications');
  const id = await request('A cough for a week.');
  await expect(bell(dashboard)).toHaveAccessibleName('Notifications, 1 unread');

  // Another tab of the same doctor opens the appointment.
  const other = await dashboard.context().newPage();
  await other.goto(`/appointments/${id}`);
  await expect(other.getByText('Status: Requested.')).toBeVisible();
  // Both bells catch up well within their 30-second polling.
  await expect(bell(other)).toHaveAccessibleName('Notifications', { timeout: 5_000 });
  await expect(bell(dashboard)).toHaveAccessibleName('Notifications', { timeout: 5_000 });
  await dashboard.context().close();
});

test('news about the appointment on screen is read at once, and so is acting on it', async ({ browser }) => {
  const id = await request('Ear ache since yesterday.');
  const page = await doctorPage(browser);
  const live = notificationsReady(page);
  await page.goto(`/appointments/${id}`);
  await expect(page.getByText('Status: Requested.')).toBeVisible();
  await live;
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  // The patient cancels while the doctor looks at it: the page changes live, and what it
  // announced does not linger as unread.
  await patientApi.send('post', `/api/appointments/${id}/cancel`, { reason: 'It got better.' });
  await expect(page.getByText('Status: Cancelled.')).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('status', { name: 'Live notifications' })).toContainText('cancelled the appointment');
  await expect(bell(page)).toHaveAccessibleName('Notifications', { timeout: 5_000 });

  // Answering a request clears it too.
  const another = await request('A sore knee.');
  await page.goto(`/appointments/${another}`);
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Status: Scheduled.')).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName('Notifications', { timeout: 5_000 });
  await page.context().close();
});

test('the bell marks everything read at once', async ({ browser }) => {
  await request('A rash on the back.');
  await request('Fever in the evenings.');
  const page = await doctorPage(browser);
  await page.goto('/');
  await expect(bell(page)).toHaveAccessibleName('Notifications, 2 unread');
  await bell(page).click();
  const panel = page.getByRole('region', { name: 'Notifications' });
  await expect(panel.getByText('(unread)')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page, 'notifications panel with unread ones');
  await panel.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await expect(panel.getByText('(unread)')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Mark all as read' })).toHaveCount(0);
  await page.reload();
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await page.context().close();
});
