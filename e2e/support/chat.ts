import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { Api } from './api.js';
import { seedWorld, signInAs, type World } from './seed.js';

export interface ChatSetup {
  world: World;
  appointmentId: string;
  patientApi: Api;
  doctorApi: Api;
}

/**
 * A world (seed.ts) whose doctor takes appointments every day and whose patient has asked for
 * one two days ahead: an appointment whose chat is open, made through the API.
 */
export async function seedChat(baseURL: string, tag: string): Promise<ChatSetup> {
  const world = await seedWorld(baseURL, tag);
  const doctorApi = await Api.signIn(baseURL, world.doctor.email, world.doctor.newPassword);
  const windows = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, start: '08:00', end: '20:00' }));
  const res = await doctorApi.ctx.put(`/api/doctors/${world.doctor.id}/availability`, { data: { slotMinutes: 30, windows, exceptions: [] } });
  expect(res.status(), `PUT availability: ${await res.text()}`).toBe(200);

  const patientApi = await Api.signIn(baseURL, world.patient.email, world.patient.password);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const slots = await patientApi.send<{ items: { startsAt: string }[] }>('get', `/api/doctors/${world.doctor.id}/slots?from=${day(2)}&to=${day(9)}`);
  expect(slots.items.length, 'free slots').toBeGreaterThan(0);
  const appointment = await patientApi.send<{ id: string }>(
    'post',
    '/api/appointments',
    { doctorId: world.doctor.id, startsAt: slots.items[0]!.startsAt, symptoms: 'Fever for two days, and a rash on the arm.' },
    201,
  );
  return { world, appointmentId: appointment.id, patientApi, doctorApi };
}

/** A browser context of its own, signed in, with Content Security Policy errors collected. */
export async function openAs(browser: Browser, email: string, password: string, viewport?: { width: number; height: number }) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) cspErrors.push(msg.text());
  });
  await signInAs(page, email, password);
  return { context, page, cspErrors };
}

/** The chat panel's parts, found the way people find them. */
export function chatOf(page: Page) {
  const panel = page.getByRole('region', { name: 'Chat', exact: true });
  return {
    panel,
    log: panel.getByRole('log'),
    textbox: panel.getByRole('textbox', { name: /^Message to / }),
    send: panel.getByRole('button', { name: 'Send', exact: true }),
    live: panel.getByText('Live', { exact: true }),
    reconnecting: panel.getByText('Reconnecting…'),
    /** The bubble (list item) holding `text`. */
    bubble: (text: string | RegExp) => panel.getByRole('log').getByRole('listitem').filter({ hasText: text }),
  };
}

/** Opens the appointment's page and waits for the chat to be connected and in view. */
export async function openChat(page: Page, appointmentId: string) {
  await page.goto(`/appointments/${appointmentId}`);
  const chat = chatOf(page);
  await expect(chat.live).toBeVisible();
  await chat.log.scrollIntoViewIfNeeded();
  return chat;
}

/** Every stored message id in the log, in order (to prove nothing shows twice). */
export async function messageIds(log: Locator): Promise<string[]> {
  return log.locator('[data-message-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-message-id')!));
}

/** A small one-page PDF. */
export function labReportPdf(): Buffer {
  const stream = 'BT /F1 14 Tf 40 100 Td (Haemoglobin 12.1 g/dL) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A PNG drawn by the browser's canvas (a stand-in for a photo of a rash). */
export async function photoPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 160;
    const g = canvas.getContext('2d')!;
    const gradient = g.createLinearGradient(0, 0, 240, 160);
    gradient.addColorStop(0, '#f8d7c4');
    gradient.addColorStop(1, '#e8a58c');
    g.fillStyle = gradient;
    g.fillRect(0, 0, 240, 160);
    g.fillStyle = '#c0392b';
    for (const [x, y, r] of [[80, 70, 14], [120, 90, 10], [150, 60, 12], [100, 110, 8]] as const) {
      g.beginPath();
      g.arc(x, y, r, 0, Math.PI * 2);
      g.fill();
    }
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}
