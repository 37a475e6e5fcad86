import { expect, test, type Browser } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { chatOf, seedChat, type ChatSetup } from './support/chat.js';
import { signInAs } from './support/seed.js';

/** On a 360 px phone: a one-row header, and an empty chat that takes only the room it needs. */
test.describe.configure({ mode: 'serial' });

let s: ChatSetup;
const PHONE = { width: 360, height: 780 };

test.beforeAll(async ({ baseURL }) => {
  s = await seedChat(baseURL!, 'Phone');
});

test.afterAll(async () => {
  await Promise.all([s.patientApi.dispose(), s.doctorApi.dispose()]);
});

async function phone(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAs(page, email, password);
  return { context, page };
}

test('the header stays on one row for the patient and the doctor', async ({ browser }) => {
  for (const [email, password] of [
    [s.world.patient.email, s.world.patient.password],
    [s.world.doctor.email, s.world.doctor.newPassword],
  ] as const) {
    const { context, page } = await phone(browser, email, password);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
    const header = page.getByRole('banner');
    const brand = header.getByRole('link', { name: 'Telemedicine' });
    const account = header.getByRole('button', { name: /account menu/i });
    const menu = header.getByRole('button', { name: 'Menu', exact: true });
    const bell = header.getByRole('button', { name: /^Notifications/ });
    const boxes = await Promise.all([brand, account, menu, bell].map((l) => l.boundingBox()));
    const middles = boxes.map((b) => b!.y + b!.height / 2);
    for (const m of middles) expect(Math.abs(m - middles[0]!)).toBeLessThanOrEqual(4);
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  }
});

test('an empty chat takes only the room its note needs, and grows with the first message', async ({ browser }) => {
  const { context, page } = await phone(browser, s.world.patient.email, s.world.patient.password);
  await page.goto(`/appointments/${s.appointmentId}`);
  const chat = chatOf(page);
  await chat.log.scrollIntoViewIfNeeded();
  await expect(chat.log.getByText('No messages yet')).toBeVisible();
  await expect(chat.live).toBeVisible();
  expect((await chat.log.boundingBox())!.height).toBeLessThanOrEqual(180);
  await expectNoSeriousA11yViolations(page, 'empty chat on a phone');

  await chat.textbox.fill('Hello doctor, a question before the visit.');
  await chat.textbox.press('Enter');
  await expect(chat.bubble('Hello doctor, a question before the visit.')).toContainText(/Sent|Delivered|Read/);
  await expect.poll(async () => (await chat.log.boundingBox())!.height).toBeGreaterThan(200);
  await context.close();
});
