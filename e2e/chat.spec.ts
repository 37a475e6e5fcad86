import { expect, test, type BrowserContext, type Page, type WebSocketRoute } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { chatOf, labReportPdf, messageIds, openAs, openChat, photoPng, seedChat, type ChatSetup } from './support/chat.js';

/**
 * The appointment chat between a patient and a doctor, each in a browser of their own, on the
 * real server: live messages with receipts and typing, history paged back, attachments, a
 * connection lost and regained (nothing missed, nothing twice), live notifications, and the
 * chat turning read-only when the appointment is cancelled.
 */
test.describe.configure({ mode: 'serial' });

let s: ChatSetup;
interface Side {
  context: BrowserContext;
  page: Page;
  cspErrors: string[];
}
let patient: Side;
let doctor: Side;
const PATIENT_SEES = () => `Dr ${s.world.doctor.firstName} ${s.world.doctor.lastName}`;
const messagesPath = () => `/api/appointments/${s.appointmentId}/messages`;

test.beforeAll(async ({ baseURL, browser }) => {
  s = await seedChat(baseURL!, 'Chat');
  // More history than one page holds (50), alternating between the two.
  for (let i = 1; i <= 55; i++) {
    const api = i % 2 ? s.patientApi : s.doctorApi;
    await api.send('post', messagesPath(), { text: `Earlier message ${i}` }, 201);
  }
  patient = await openAs(browser, s.world.patient.email, s.world.patient.password);
  doctor = await openAs(browser, s.world.doctor.email, s.world.doctor.newPassword);
});

test.afterAll(async () => {
  expect(patient.cspErrors, 'Content Security Policy violations (patient)').toEqual([]);
  expect(doctor.cspErrors, 'Content Security Policy violations (doctor)').toEqual([]);
  await Promise.all([patient.context.close(), doctor.context.close(), s.patientApi.dispose(), s.doctorApi.dispose()]);
});

test('messages go both ways live, with delivered and read receipts, typing, and history paged back', async () => {
  const p = await openChat(patient.page, s.appointmentId);
  const d = await openChat(doctor.page, s.appointmentId);
  await expect(p.textbox).toHaveAccessibleName(`Message to ${PATIENT_SEES()}`);

  // The newest page first; scrolling to the top brings the rest, each message once.
  await expect(d.log.getByText('Earlier message 55', { exact: true })).toBeVisible();
  await expect(d.log.getByText('Earlier message 5', { exact: true })).toHaveCount(0);
  await d.log.evaluate((el) => el.scrollTo(0, 0));
  await expect(d.panel.getByText(/^This is the beginning of your conversation with/)).toBeVisible();
  await expect(d.log.getByText('Earlier message 1', { exact: true })).toHaveCount(1);
  const history = await messageIds(d.log);
  expect(history).toHaveLength(55);
  expect(new Set(history).size).toBe(55);

  // The doctor reads old messages further up: a new one reaches their browser (delivered) but
  // is not on their screen, so it is not read until they go down to it.
  await p.textbox.fill('The rash is spreading to the other arm.');
  await p.textbox.press('Enter');
  await expect(p.textbox).toHaveValue('');
  await expect(p.textbox).toBeFocused();
  const mine = p.bubble('The rash is spreading to the other arm.');
  await expect(mine).toContainText('Delivered');
  const newMessages = d.panel.getByRole('button', { name: /New messages/ });
  await expect(newMessages).toBeVisible();
  await expect(d.bubble('The rash is spreading to the other arm.')).toHaveCount(1);
  await expect(mine).not.toContainText('Read');
  await newMessages.click();
  await expect(mine).toContainText('Read');
  await expect(mine.getByText('✓✓')).toBeVisible();

  // Typing shows on the other side, and goes when the message arrives.
  await d.textbox.pressSequentially('Please send a photo of it', { delay: 20 });
  await expect(p.panel.getByText(`${PATIENT_SEES()} is typing…`)).toBeVisible();
  await d.textbox.press('Enter');
  await expect(p.bubble('Please send a photo of it')).toHaveCount(1);
  await expect(p.panel.getByText(/is typing…/)).toHaveCount(0);
  // The patient is at the newest message with the tab in front: read at once.
  await expect(d.bubble('Please send a photo of it')).toContainText('Read');

  // Shift+Enter starts a new line; Enter sends.
  await p.textbox.pressSequentially('Line one');
  await p.textbox.press('Shift+Enter');
  await p.textbox.pressSequentially('Line two');
  await expect(p.textbox).toHaveValue('Line one\nLine two');
  await p.textbox.press('Enter');
  await expect(d.bubble(/Line one/)).toContainText('Line one\nLine two');

  // An empty message is refused in the browser.
  await p.send.click();
  await expect(p.panel.getByText('Write a message')).toBeVisible();
  await expect(p.textbox).toHaveAttribute('aria-invalid', 'true');
});

test('the length limit shows while typing: a counter near it, no sending over it', async () => {
  const p = chatOf(patient.page);
  const d = chatOf(doctor.page);
  // Who else reads the chat is said where one writes.
  await expect(p.panel.getByText(/staff can also read this chat, and every time they do it is recorded/)).toBeVisible();
  await p.textbox.fill('x'.repeat(3_990));
  await expect(p.panel.getByText('10 characters left.')).toBeVisible();
  await expect(p.panel.getByText('3,990 / 4,000')).toBeVisible();
  await expect(p.send).toBeEnabled();

  await p.textbox.fill('x'.repeat(25_000));
  const over = 'Too long to send: 21,000 characters over the 4,000-character limit.';
  await expect(p.panel.getByText(over)).toBeVisible();
  await expect(p.panel.getByText('25,000 / 4,000')).toBeVisible();
  await expect(p.send).toBeDisabled();
  await expect(p.textbox).toHaveAttribute('aria-invalid', 'true');
  await expect(p.textbox).toHaveAccessibleDescription(new RegExp(over.replace(/[.]/g, '\\.')));
  await expectNoSeriousA11yViolations(patient.page, 'chat with a message over the limit');
  const before = await messageIds(d.log);
  await p.textbox.press('Enter');
  await expect(p.textbox).toHaveValue('x'.repeat(25_000));
  await expect(p.log.locator('[data-pending]')).toHaveCount(0);

  // Back under the limit: the warning goes and sending works again.
  await p.textbox.fill('Short again.');
  await expect(p.panel.getByText(/Too long to send/)).toHaveCount(0);
  await expect(p.panel.getByText(/ \/ 4,000$/)).toHaveCount(0);
  await p.send.click();
  await expect(d.bubble('Short again.')).toHaveCount(1);
  expect((await messageIds(d.log)).length).toBe(before.length + 1);
});

test('attachments: upload progress and cancel, a PDF downloaded, an image shown inline, refused files', async () => {
  const p = chatOf(patient.page);
  const d = chatOf(doctor.page);
  const attach = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    const chooser = patient.page.waitForEvent('filechooser');
    await p.panel.getByRole('button', { name: 'Attach a file' }).click();
    await (await chooser).setFiles(file);
  };

  // A slow connection: the upload shows its progress, and can be cancelled.
  const cdp = await patient.context.newCDPSession(patient.page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 64 * 1024 });
  const big = Buffer.concat([labReportPdf(), Buffer.from(`%${'x'.repeat(400 * 1024)}\n`)]);
  await attach({ name: 'ct-scan-report.pdf', mimeType: 'application/pdf', buffer: big });
  await p.textbox.press('Enter');
  const uploading = p.panel.getByRole('progressbar', { name: 'Uploading ct-scan-report.pdf' });
  await expect(uploading).toBeVisible();
  await expect(p.bubble('ct-scan-report.pdf')).toContainText(/Uploading… \d+%/);
  await p.bubble('ct-scan-report.pdf').getByRole('button', { name: 'Cancel upload' }).click();
  await expect(p.bubble('ct-scan-report.pdf')).toHaveCount(0);
  await expect(p.textbox).toBeFocused();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await cdp.detach();

  // A PDF with a caption: the doctor downloads exactly what was sent.
  const pdf = labReportPdf();
  await attach({ name: 'blood-test.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(p.panel.getByRole('button', { name: 'Remove blood-test.pdf' })).toBeVisible();
  await p.textbox.fill('Blood test from this morning');
  await p.send.click();
  await expect(p.bubble('Blood test from this morning')).toContainText(/Delivered|Read/);
  const link = d.panel.getByRole('link', { name: /Download blood-test\.pdf/ });
  await expect(link).toBeVisible();
  const downloading = doctor.page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('blood-test.pdf');
  expect((await readFile(await download.path())).equals(pdf)).toBe(true);
  await expect(d.panel.getByRole('link', { name: /ct-scan-report/ })).toHaveCount(0);

  // A photo shows inline on both sides.
  await attach({ name: 'rash.png', mimeType: 'image/png', buffer: await photoPng(patient.page) });
  await p.textbox.press('Enter');
  const photo = d.panel.getByRole('img', { name: 'Image rash.png' });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  await expect(p.panel.getByRole('img', { name: 'Image rash.png' })).toBeVisible();

  // Refused in the browser: a type the server does not take.
  await attach({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(p.panel.getByText(/notes\.txt cannot be sent/)).toBeVisible();
  // Refused by the server (the bytes are not a PDF): the bubble says why and can be dropped.
  await attach({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a pdf') });
  await p.textbox.press('Enter');
  const refused = p.bubble('fake.pdf');
  await expect(refused).toContainText('Not sent: Attach an image');
  // Sending it again cannot succeed: no Retry, only Remove.
  await expect(refused.getByRole('button', { name: /Retry/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(patient.page, 'chat with a failed upload (patient)');
  await refused.getByRole('button', { name: 'Remove fake.pdf' }).click();
  await expect(refused).toHaveCount(0);
  // A "picture" whose bytes are no image: refused with the reason, and no broken preview.
  await attach({ name: 'not-a-photo.png', mimeType: 'image/png', buffer: Buffer.from('these bytes are not a PNG') });
  await p.textbox.press('Enter');
  const notPhoto = p.bubble('not-a-photo.png');
  await expect(notPhoto).toContainText('Not sent: Attach an image');
  await expect(notPhoto.getByRole('img')).toHaveCount(0);
  await expect(notPhoto.getByRole('button', { name: /Retry/ })).toHaveCount(0);
  await notPhoto.getByRole('button', { name: 'Remove not-a-photo.png' }).click();
  await expect(notPhoto).toHaveCount(0);
  await expect(p.textbox).toBeFocused();

  await expectNoSeriousA11yViolations(doctor.page, 'chat with attachments (doctor)');
  await d.log.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await doctor.page.screenshot({ path: test.info().outputPath('chat-desktop.png') });
});

test('offline and back: "Reconnecting…", then every message exactly once; a failed send is retried', async () => {
  const p = chatOf(patient.page);
  const d = chatOf(doctor.page);
  const missed = ['While you were offline 1', 'While you were offline 2', 'While you were offline 3'];

  // Offline in Chromium stalls the open socket rather than closing it (as a dead network link
  // does): the chat notices by its unanswered ping.
  await patient.context.setOffline(true);
  await expect(p.reconnecting).toBeVisible({ timeout: 30_000 });
  await expect(p.live).toBeHidden();

  for (const text of missed) {
    await d.textbox.fill(text);
    await d.textbox.press('Enter');
    await expect(d.bubble(text)).toContainText(/Sent|Delivered/);
  }
  // Sending while offline fails visibly and can be retried.
  await p.textbox.fill('Sorry, I lost the connection on the bus.');
  await p.textbox.press('Enter');
  const failed = p.bubble('Sorry, I lost the connection on the bus.');
  await expect(failed).toContainText('Not sent: you seem to be offline.');
  await expect(p.log.getByText(missed[0]!, { exact: true })).toHaveCount(0);

  await patient.context.setOffline(false);
  await expect(p.live).toBeVisible({ timeout: 30_000 });
  await expect(p.reconnecting).toBeHidden();
  for (const text of missed) await expect(p.log.getByText(text, { exact: true })).toHaveCount(1);
  await expect(p.log.getByText(/^While you were offline \d$/)).toHaveText(missed);
  const ids = await messageIds(p.log);
  expect(new Set(ids).size).toBe(ids.length);

  await failed.getByRole('button', { name: /Retry/ }).click();
  await expect(d.log.getByText('Sorry, I lost the connection on the bus.', { exact: true })).toHaveCount(1);
  await expect(p.log.getByText('Sorry, I lost the connection on the bus.', { exact: true })).toHaveCount(1);
  await expect(p.bubble('Sorry, I lost the connection on the bus.')).not.toContainText('Not sent');
  for (const text of missed) await expect(d.bubble(text)).toContainText('Read');
});

test('a connection dropped by the network: reconnects by itself and catches up', async () => {
  // The doctor's second tab, whose chat socket passes through a route that can cut it.
  const page = await doctor.context.newPage();
  let cut = false;
  const routes: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/ws\/chat\//, (ws) => {
    if (cut) return ws.close({ code: 1011, reason: 'Network down' });
    ws.connectToServer();
    routes.push(ws);
  });
  const tab = await openChat(page, s.appointmentId);
  cut = true;
  for (const ws of routes) await ws.close({ code: 1011, reason: 'Network down' });
  await expect(tab.reconnecting).toBeVisible();

  const p = chatOf(patient.page);
  const during = ['Sent during the cut 1', 'Sent during the cut 2'];
  for (const text of during) {
    await p.textbox.fill(text);
    await p.textbox.press('Enter');
    await expect(p.bubble(text)).toContainText(/Sent|Delivered|Read/);
  }
  cut = false;
  await expect(tab.live).toBeVisible({ timeout: 20_000 });
  for (const text of during) await expect(tab.log.getByText(text, { exact: true })).toHaveCount(1);
  const ids = await messageIds(tab.log);
  expect(new Set(ids).size).toBe(ids.length);
  // The doctor's other tab had them live all along, once each.
  for (const text of during) await expect(chatOf(doctor.page).log.getByText(text, { exact: true })).toHaveCount(1);
  await page.close();
});

test('live notifications: the approval reaches the patient’s bell and a toast without a reload', async () => {
  const page = patient.page;
  await page.goto('/');
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications');
  // Unread chat messages in the header move live too.
  const unread = await s.patientApi.send<{ total: number }>('get', '/api/chat/unread');
  const messages = page.getByRole('link', { name: /^Messages, / });
  await expect(messages).toHaveAccessibleName(unread.total > 0 ? `Messages, ${unread.total} unread` : 'Messages, none unread');
  await expect(page.getByRole('status', { name: 'Live notifications' })).toBeAttached();

  await s.doctorApi.send('post', `/api/appointments/${s.appointmentId}/approve`, {});
  // Well within the header's 30-second polling: this came over the socket.
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread', { timeout: 5_000 });
  const toast = page.getByRole('status', { name: 'Live notifications' });
  // The notification's text is the server's (which still writes "Dr." until it uses the shared naming helper).
  await expect(toast).toContainText(new RegExp(`Dr ${s.world.doctor.firstName} ${s.world.doctor.lastName} approved your appointment`));
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).not.toContainText('approved your appointment');

  await s.doctorApi.send('post', messagesPath(), { text: 'See you on the call.' }, 201);
  await expect(messages).toHaveAccessibleName(`Messages, ${unread.total + 1} unread`, { timeout: 5_000 });
});

test('on a 390 px phone the chat is usable, and passes axe', async ({ browser }) => {
  const phone = await openAs(browser, s.world.patient.email, s.world.patient.password, { width: 390, height: 844 });
  await phone.page.goto(`/appointments/${s.appointmentId}`);
  const chat = chatOf(phone.page);
  await chat.log.scrollIntoViewIfNeeded();
  await expect(chat.log.getByText('See you on the call.', { exact: true })).toBeVisible();
  await chat.textbox.fill('Thank you, doctor.');
  const box = await chat.panel.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  // Nothing wider than the screen.
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousA11yViolations(phone.page, 'chat on a phone');
  await chat.panel.screenshot({ path: test.info().outputPath('chat-phone.png') });
  expect(phone.cspErrors).toEqual([]);
  await phone.context.close();
});

test('signing out elsewhere ends the chat: straight to sign-in, no reconnecting', async ({ browser }) => {
  const tab = await openAs(browser, s.world.doctor.email, s.world.doctor.newPassword);
  const opened: string[] = [];
  tab.page.on('websocket', (ws) => opened.push(ws.url()));
  const chat = await openChat(tab.page, s.appointmentId);
  await expect(chat.log).toBeVisible();
  // The same session ends from another tab: the server closes its sockets (4401).
  await tab.page.request.post('/api/auth/logout');
  await expect(tab.page).toHaveURL(/\/login/);
  await expect(tab.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  const before = opened.length;
  // A reconnect would come within half a second; give it three times as long.
  await tab.page.waitForTimeout(1_500);
  expect(opened.length).toBe(before);
  await tab.context.close();
});

test('a cancelled appointment’s chat turns read-only at once, with the reason', async () => {
  const p = await openChat(patient.page, s.appointmentId);
  const d = chatOf(doctor.page);
  await expect(d.live).toBeVisible();
  await s.doctorApi.send('post', `/api/appointments/${s.appointmentId}/cancel`, { reason: 'The doctor is away at a conference.' });
  for (const side of [p, d]) {
    await expect(side.panel.getByText('This chat is read-only')).toBeVisible();
    await expect(side.panel.getByText(/The appointment was cancelled/)).toBeVisible();
    await expect(side.textbox).toHaveCount(0);
    await expect(side.reconnecting).toHaveCount(0);
  }
  // Still readable, every message once.
  await expect(p.log.getByText('See you on the call.', { exact: true })).toHaveCount(1);
  await expectNoSeriousA11yViolations(patient.page, 'read-only chat');
});
