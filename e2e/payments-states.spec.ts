import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { Api } from './support/api.js';
import { freeSlots, openEveryDay, requestSlot } from './support/appointments.js';
import { startOwnServer } from './support/own-server.js';
import { seedWorld, signInAs, type World } from './support/seed.js';

/**
 * The patient's payment states that need more than Pay and Cancel: a payment Khalti holds as
 * Pending (the stand-in's checkout page can leave one so) until the wallet settles it and the
 * server's background lookup confirms the visit, live; and a server with no online payment
 * (production without a Khalti key, a server of this spec's own), where the patient is sent to
 * the hospital's desk.
 */
test.describe.configure({ timeout: 150_000 });

const statusRegion = (page: Page) => page.getByRole('region', { name: 'Status' });

/** A world whose doctor approved one visit two days ahead or later; returns the world and the appointment's id. */
async function approvedVisit(baseURL: string, tag: string): Promise<{ world: World; appointmentId: string }> {
  const world = await seedWorld(baseURL, tag);
  const doctor = await Api.signIn(baseURL, world.doctor.email, world.doctor.newPassword);
  const patient = await Api.signIn(baseURL, world.patient.email, world.patient.password);
  await openEveryDay(doctor, world.doctor.id);
  const slot = (await freeSlots(patient, world.doctor.id)).find((s) => Date.parse(s.startsAt) > Date.now() + 2 * 86_400_000)!;
  const appointmentId = await requestSlot(patient, world.doctor.id, slot);
  await doctor.send('post', `/api/appointments/${appointmentId}/approve`, {});
  await Promise.all([doctor.dispose(), patient.dispose()]);
  return { world, appointmentId };
}

test('a payment Khalti holds as Pending: the patient waits, with no second Pay, until the background lookup confirms it live', async ({ page, context, baseURL }) => {
  const { world, appointmentId } = await approvedVisit(baseURL!, 'Pend');
  await signInAs(page, world.patient.email, world.patient.password);
  await page.goto(`/appointments/${appointmentId}`);
  const status = statusRegion(page);
  await status.getByRole('button', { name: 'Pay Rs 1,500.00' }).click();
  await expect(page).toHaveURL(/\/khalti-sandbox\/pay\/\?pidx=/);
  const checkout = page.url();
  await page.getByRole('button', { name: 'Pay, but leave it pending' }).click();

  // Back through our return route: Khalti's lookup says Pending.
  await expect(page).toHaveURL(new RegExp(`/appointments/${appointmentId}\\?payment=pending$`));
  const waiting = status.getByRole('status').filter({ hasText: 'Waiting for Khalti to confirm your payment' });
  await expect(waiting).toContainText('This page updates by itself once Khalti settles it. There is no need to pay again.');
  await expect(page.getByText('Status: Scheduled.')).toBeVisible();
  await expect(status).toContainText('Fee Rs 1,500.00.');
  await expect(status).not.toContainText('did not go through');
  await expect(status.getByRole('button', { name: /Pay|Khalti/ })).toHaveCount(0);
  await expect(page.getByRole('article', { name: /^Receipt/ })).toHaveCount(0);
  // Whatever shows from here on comes without a reload.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  // The wallet settles at Khalti (the stand-in's link, in another tab): nobody is sent back.
  const khalti = await context.newPage();
  await khalti.goto(checkout);
  await expect(khalti.getByRole('heading', { name: 'This payment of Rs 1,500.00 is pending' })).toBeVisible();
  await khalti.getByRole('button', { name: 'Settle the pending payment' }).click();
  await expect(khalti.getByRole('heading', { name: 'The payment is settled' })).toBeVisible();
  await khalti.close();

  // The server learns of it only by its background lookup (30 s after the last one), and the page follows.
  await expect(page.getByText('Status: Confirmed.')).toBeVisible({ timeout: 75_000 });
  await expect(status).toContainText('Payment received: your visit is confirmed');
  await expect(waiting).toHaveCount(0);
  await expect(status.getByRole('button', { name: /Pay|Khalti/ })).toHaveCount(0);
  const receipt = page.getByRole('article', { name: `Receipt · ${world.hospital.name}` });
  await expect(receipt).toContainText('Paid');
  await expect(receipt.getByText('Rs 1,500.00')).toBeVisible();
  await expect(receipt.getByText('Khalti transaction ID')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
});

test.describe('a server without online payment', () => {
  let server: Awaited<ReturnType<typeof startOwnServer>> | undefined;

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    // Production without KHALTI_SECRET_KEY takes no payment online (and carries no stand-in).
    // Plain http on loopback, hence COOKIE_SECURE=false; the super admin seeds without a second factor.
    server = await startOwnServer((url) => ({
      NODE_ENV: 'production',
      PUBLIC_URL: url,
      SESSION_SECRET: randomBytes(48).toString('base64url'),
      COOKIE_SECURE: 'false',
      SUPERADMIN_TWO_FACTOR: 'optional',
    }));
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('tells the patient to pay at the hospital and offers no Pay button', async ({ browser }) => {
    const { world, appointmentId } = await approvedVisit(server!.url, 'Desk');
    const context = await browser.newContext({ baseURL: server!.url });
    try {
      const page = await context.newPage();
      await signInAs(page, world.patient.email, world.patient.password);
      await page.goto(`/appointments/${appointmentId}`);
      const status = statusRegion(page);
      await expect(status).toContainText(/Fee Rs 1,500\.00\. Payment due by .+\./);
      await expect(status).toContainText(`Pay at the hospital. Online payment is not available for this visit: pay the fee at ${world.hospital.name}’s desk before the deadline.`);
      await expect(page.getByText('Status: Scheduled.')).toBeVisible();
      await expect(status.getByRole('button', { name: /Pay|Khalti/ })).toHaveCount(0);
      await expect(status).not.toContainText('Paid securely through Khalti.');
      await expect(status.getByText('Test payment')).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});
