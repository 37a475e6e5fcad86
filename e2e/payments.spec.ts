import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { SUPERADMIN } from './support/accounts.js';
import { Api } from './support/api.js';
import { freeSlots, openEveryDay, requestSlot } from './support/appointments.js';
import { seedWorld, signInAs, type World } from './support/seed.js';
import { navigate } from './support/ui.js';

/**
 * Paying a visit in the browser, through the Khalti stand-in the test server carries (no key
 * is set): its checkout page, Khalti's return and the server's lookup are the real ones.
 * The patient cancels at checkout, pays again and keeps a printable receipt; the hospital's
 * admin finds, filters and exports the payment and records a desk payment; the doctor learns
 * what is paid; the super admin reads the totals; a paid visit cancelled in time is refunded.
 */
// Whole flows through several pages and Khalti's checkout: more time than a one-page test.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let world: World;
/** Paid online by the patient; paid at the desk; left unpaid. */
const ids = { online: '', desk: '', unpaid: '' };
let transactionId = '';

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'Pay');
  const doctor = await Api.signIn(baseURL!, world.doctor.email, world.doctor.newPassword);
  const patient = await Api.signIn(baseURL!, world.patient.email, world.patient.password);
  await openEveryDay(doctor, world.doctor.id);
  // Two days ahead and later: a cancellation is refunded in full (the policy's 24 hours).
  const slots = (await freeSlots(patient, world.doctor.id)).filter((s) => Date.parse(s.startsAt) > Date.now() + 2 * 86_400_000);
  for (const [key, slot] of [['online', slots[0]!], ['desk', slots[2]!], ['unpaid', slots[4]!]] as const) {
    ids[key] = await requestSlot(patient, world.doctor.id, slot);
    await doctor.send('post', `/api/appointments/${ids[key]}/approve`, {});
  }
  await Promise.all([doctor.dispose(), patient.dispose()]);
});

const statusRegion = (page: Page) => page.getByRole('region', { name: 'Status' });

test('the patient cancels at Khalti’s checkout, is told, pays again: the visit is confirmed, live in another tab too, with a printable receipt', async ({ page, context }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  await page.goto(`/appointments/${ids.online}`);
  const status = statusRegion(page);
  await expect(status).toContainText(/Fee Rs 1,500\.00\. Payment due by .+\. If it is not paid by then, the visit is cancelled automatically and its time released\./);
  await expect(status.getByText('Test payment')).toBeVisible();
  await expect(status).toContainText('No money moves.');

  // To Khalti, and back with Cancel.
  await status.getByRole('button', { name: 'Pay Rs 1,500.00' }).click();
  await expect(page).toHaveURL(/\/khalti-sandbox\/pay\/\?pidx=/);
  await expect(page.getByRole('heading', { name: 'Pay Rs 1,500.00' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/appointments/${ids.online}\\?payment=cancelled$`));
  await expect(status.getByRole('status').filter({ hasText: 'You cancelled the payment at Khalti' })).toContainText('Nothing was charged. You can pay again.');
  await expect(page.getByText('Status: Scheduled.')).toBeVisible();

  // A second tab keeps the appointment open: it learns of the payment by itself.
  const other = await context.newPage();
  await other.goto(`/appointments/${ids.online}`);
  await expect(other.getByText('Status: Scheduled.')).toBeVisible();

  // Pay again, and this time pay.
  await status.getByRole('button', { name: 'Pay Rs 1,500.00' }).click();
  await expect(page).toHaveURL(/\/khalti-sandbox\/pay\/\?pidx=/);
  await page.getByRole('button', { name: 'Pay Rs 1,500.00' }).click();
  await expect(page).toHaveURL(new RegExp(`/appointments/${ids.online}\\?payment=paid$`));
  await expect(status).toContainText('Payment received: your visit is confirmed');
  await expect(page.getByText('Status: Confirmed.')).toBeVisible();
  await expect(status).not.toContainText('You cancelled the payment');
  await expect(status.getByRole('button', { name: /^Pay / })).toHaveCount(0);
  await expect(other.getByText('Status: Confirmed.')).toBeVisible();
  await expect(other.getByRole('article', { name: /^Receipt/ })).toBeVisible();
  await other.close();

  const receipt = page.getByRole('article', { name: `Receipt · ${world.hospital.name}` });
  await expect(receipt).toContainText('Paid');
  await expect(receipt).toContainText('A test payment: no money moved.');
  await expect(receipt.getByText('Rs 1,500.00')).toBeVisible();
  await expect(receipt).toContainText('Khalti');
  await expect(receipt).toContainText(`${world.patient.firstName} ${world.patient.lastName}`);
  transactionId = (await receipt.getByText('Khalti transaction ID').locator('xpath=following-sibling::dd').innerText()).trim();
  expect(transactionId).toMatch(/^\S{6,}$/);
  // The hospital's refund policy, before the patient might cancel.
  await expect(status).toContainText(`Refund policy: ${world.hospital.name} refunds a cancelled visit in full until 24 hours before the visit. Cancel by`);

  // Printing the receipt prints the receipt alone (its button too is left out, hence the handle).
  const printButton = await receipt.getByRole('button', { name: 'Print receipt' }).elementHandle();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => {
    const shown = (el: Element | null | undefined) => !!el && el.checkVisibility();
    const heading = (text: string) => [...document.querySelectorAll('h1, h2, h3')].find((h) => h.textContent === text);
    window.print = () => {
      const receipt = document.querySelector('[data-printing]');
      (window as unknown as { printed: unknown }).printed = {
        receipt: shown(receipt),
        amount: shown(receipt?.querySelector('dl')),
        printButton: shown(receipt?.querySelector('button')),
        header: shown(document.querySelector('header')),
        title: shown(document.querySelector('h1')),
        chat: shown(heading('Chat')),
        history: shown(heading('History')),
      };
    };
  });
  await printButton!.dispatchEvent('click');
  expect(await page.evaluate(() => (window as unknown as { printed: unknown }).printed)).toEqual({
    receipt: true,
    amount: true,
    printButton: false,
    header: false,
    title: false,
    chat: false,
    history: false,
  });
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the hospital admin lists the payments, filters them, exports them as CSV and records a desk payment', async ({ page }) => {
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await page.goto('/');
  await navigate(page, 'Payments');
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
  const table = page.getByRole('region', { name: 'Payments', exact: true });
  const paidRow = table.getByRole('row').filter({ hasText: transactionId });
  await expect(paidRow).toContainText(`${world.patient.firstName} ${world.patient.lastName}`);
  await expect(paidRow).toContainText('Rs 1,500.00');
  await expect(paidRow).toContainText('Paid');
  await expect(paidRow).toContainText('Test payment');
  // The order cancelled at checkout is listed too.
  await expect(table.getByRole('row').filter({ hasText: 'Cancelled by the payer at Khalti' })).toHaveCount(1);

  // Filters: status, then a transaction id.
  await page.getByLabel('Status').selectOption('completed');
  await expect(page).toHaveURL(/status=completed/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Transaction ID').fill(transactionId);
  await expect(page).toHaveURL(new RegExp(`q=${transactionId}`));
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText(transactionId);

  // The CSV holds what the filters select.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^payments-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, 'utf8')).trim().split('\r\n');
  expect(csv).toHaveLength(2);
  expect(csv[0]).toMatch(/^payment_id,created_at,paid_at,status,/);
  expect(csv[1]).toContain(`,completed,,khalti,true,150000,1500.00,${transactionId},`);
  expect(csv[1]).toContain(`${world.patient.firstName} ${world.patient.lastName}`);
  expect(csv[1]).toContain(world.hospital.name);

  // From the list to the appointment, where staff see the payment.
  await table.getByRole('link', { name: /^Visit of / }).click();
  await expect(page).toHaveURL(new RegExp(`/appointments/${ids.online}$`));
  await expect(page.getByRole('list', { name: 'Payments of this appointment' })).toContainText(transactionId);

  // A visit paid in cash at the desk, confirmed.
  await page.goto(`/appointments/${ids.desk}`);
  const status = statusRegion(page);
  await expect(status).toContainText('No payment has been made or started for this visit.');
  await status.getByRole('button', { name: 'Record desk payment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a desk payment?' });
  await expect(dialog).toContainText(`${world.patient.firstName} ${world.patient.lastName} paid Rs 1,500.00 at the desk`);
  await dialog.getByLabel('Desk receipt number').fill(`R-${ids.desk.slice(0, 6)}`);
  await dialog.getByRole('button', { name: 'Record Rs 1,500.00 paid' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toContainText('Desk payment of Rs 1,500.00 recorded. The visit is confirmed');
  await expect(page.getByText('Status: Confirmed.')).toBeVisible();
  const line = page.getByRole('list', { name: 'Payments of this appointment' });
  await expect(line).toContainText('At the desk (cash)');
  await expect(line).toContainText(`Receipt R-${ids.desk.slice(0, 6)}`);
  await expect(line).toContainText(`Recorded by ${world.admin.firstName} ${world.admin.lastName}`);
  await expect(status.getByRole('button', { name: 'Record desk payment' })).toHaveCount(0);

  await page.goto('/payments?provider=desk');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText(`R-${ids.desk.slice(0, 6)}`);
});

test('the doctor sees whether a visit is paid, and no money', async ({ page }) => {
  await signInAs(page, world.doctor.email, world.doctor.newPassword);
  for (const [id, text] of [
    [ids.online, 'Payment: Paid.'],
    [ids.desk, 'Payment: Paid.'],
    [ids.unpaid, 'Payment: Not paid yet.'],
  ] as const) {
    await page.goto(`/appointments/${id}`);
    await expect(statusRegion(page)).toContainText(text);
  }
  await expect(page.getByRole('article', { name: /^Receipt/ })).toHaveCount(0);
  await page.goto(`/appointments/${ids.online}`);
  await expect(statusRegion(page)).toContainText('Payment: Paid.');
  await expect(page.getByText(transactionId)).toHaveCount(0);
});

test('the super admin reads the totals per hospital and the payments of one hospital', async ({ page }) => {
  await signInAs(page, SUPERADMIN.email, SUPERADMIN.password);
  await page.goto('/');
  await navigate(page, 'Payments');
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
  const totals = page.getByRole('region', { name: 'Totals per hospital', exact: true }).getByRole('row', { name: new RegExp(world.hospital.name) });
  // Paid: one online, one at the desk.
  await expect(totals.getByRole('cell')).toHaveText(['2', 'Rs 3,000.00', 'Rs 1,500.00', 'Rs 1,500.00', 'Rs 0.00', 'Rs 0.00', 'Rs 3,000.00', '0']);
  // Nothing was paid before today.
  const beforeToday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Paid until').fill(beforeToday);
  await expect(totals.getByRole('cell').nth(1)).toHaveText('Rs 0.00');

  await page.getByLabel('Hospital', { exact: true }).selectOption({ label: world.hospital.name });
  const table = page.getByRole('region', { name: 'Payments', exact: true });
  // The cancelled order, the online payment and the desk payment.
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').filter({ hasText: transactionId })).toContainText(world.hospital.name);
});

test('a paid visit the patient cancels in time is refunded, and the page says so', async ({ page }) => {
  await signInAs(page, world.patient.email, world.patient.password);
  await page.goto(`/appointments/${ids.online}`);
  await page.getByRole('button', { name: 'Cancel appointment' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('status')).toContainText('You get Rs 1,500.00 back in full');
  await dialog.getByLabel('Reason for cancelling').fill('I am better now.');
  await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(page.getByText('Status: Cancelled.')).toBeVisible();
  const status = statusRegion(page);
  await expect(status).toContainText('Your payment was refunded');
  await expect(status).toContainText('Rs 1,500.00 refunded (the patient cancelled in time).');
  await expect(page.getByRole('article', { name: /^Receipt/ })).toContainText('Refunded');
});
