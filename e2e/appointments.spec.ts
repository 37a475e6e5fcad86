import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { person } from './support/accounts.js';
import { Api } from './support/api.js';
import { freeSlots, requestSlot } from './support/appointments.js';
import { seedWorld, signInAs, type World } from './support/seed.js';
import { navigate } from './support/ui.js';

/**
 * Appointments through two browsers at once, a patient's and a doctor's: the doctor sets the
 * hours, the patient books, the doctor proposes another time, the patient accepts; then a
 * rejection with a reason, and a lost race for a slot.
 */
test.describe.configure({ mode: 'serial' });

let world: World;
const doctorName = () => `Dr ${world.doctor.firstName} ${world.doctor.lastName}`;
const patientName = () => `${world.patient.firstName} ${world.patient.lastName}`;

test.beforeAll(async ({ baseURL }) => {
  world = await seedWorld(baseURL!, 'Appt');
  // The second doctor is not taking appointments: the patient sees them marked so.
  const admin = await Api.signIn(baseURL!, world.admin.email, world.admin.newPassword);
  await admin.send('patch', `/api/doctors/${world.newDoctor.id}`, { isAvailable: false });
  await admin.dispose();
});

async function pageFor(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email, password);
  return page;
}

/** The first free time on the booking form: this week's, or next week's when this one is full or over. */
async function firstFreeSlot(form: Locator) {
  const first = form.getByRole('radio').first();
  await expect(first.or(form.getByText('No free times this week'))).toBeVisible();
  if ((await first.count()) === 0) {
    await form.getByRole('button', { name: 'Look at the next week' }).click();
    await expect(first).toBeVisible();
  }
  return first;
}

test('the doctor sets the weekly hours, and the editor refuses overlapping ones', async ({ browser }) => {
  const page = await pageFor(browser, world.doctor.email, world.doctor.newPassword);
  await page.goto('/');
  await navigate(page, 'Availability');
  await expect(page.getByRole('heading', { level: 1, name: 'Availability' })).toBeVisible();
  await expect(page).toHaveTitle('Availability · Telemedicine');
  await expect(page.getByRole('form', { name: 'Availability' }).getByText('Asia/Kathmandu')).toBeVisible();

  // Every day 09:00–13:00 (what "Add hours" starts with), so the patient has times to pick
  // whatever day the suite runs.
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
    await page.getByRole('button', { name: `Add hours on ${day}` }).click();
  }
  const monday = page.getByRole('group', { name: 'Monday' });
  await expect(monday.getByLabel('From')).toHaveValue('09:00');
  await monday.getByLabel('To').fill('17:00');

  // A second Monday window inside the first is refused in the browser, on Monday.
  await page.getByRole('button', { name: 'Add hours on Monday' }).click();
  await monday.getByLabel('From').nth(1).fill('10:00');
  await monday.getByLabel('To').nth(1).fill('11:00');
  await page.getByRole('button', { name: 'Save availability' }).click();
  await expect(monday.getByText('Hours overlap on Monday')).toBeVisible();
  await expect(monday.getByLabel('From').first()).toBeFocused();
  await page.getByRole('button', { name: 'Remove Monday 10:00–11:00' }).click();

  // A day off far ahead, and a 30-minute visit length.
  await page.getByRole('button', { name: 'Add an exception' }).click();
  const exception = page.getByRole('group', { name: 'Exception 1' });
  await exception.getByLabel('Date').fill('2099-12-25');
  await exception.getByLabel('Note').fill('Holiday');
  await page.getByLabel('Length of one visit').selectOption('30');
  await page.getByRole('button', { name: 'Save availability' }).click();
  await expect(page.getByText('Availability saved')).toBeVisible();

  // Saved as typed: a reload shows the same hours.
  await page.reload();
  await expect(page.getByRole('group', { name: 'Monday' }).getByLabel('To')).toHaveValue('17:00');
  await expect(page.getByRole('group', { name: 'Exception 1' }).getByLabel('Date')).toHaveValue('2099-12-25');
  await page.context().close();
});

test('the patient books, the doctor proposes another time, the patient accepts', async ({ browser }) => {
  const patient = await pageFor(browser, world.patient.email, world.patient.password);
  const doctor = await pageFor(browser, world.doctor.email, world.doctor.newPassword);

  // The patient finds the doctor by specialization; the other doctor is marked unavailable.
  await patient.goto('/');
  await navigate(patient, 'Find a doctor');
  await expect(patient.getByRole('heading', { level: 1, name: 'Find a doctor' })).toBeVisible();
  const unavailable = patient.getByRole('listitem').filter({ hasText: `Dr ${world.newDoctor.firstName} ${world.newDoctor.lastName}` });
  await expect(unavailable).toContainText('Not taking appointments');
  await patient.getByLabel('Specialization').selectOption('Paediatrics');
  await expect(unavailable).toHaveCount(0);
  await patient.getByRole('link', { name: `See free times of ${doctorName()}` }).click();

  // A week of free times in the patient's zone, named.
  await expect(patient.getByRole('heading', { level: 1, name: `Book ${doctorName()}` })).toBeVisible();
  await expect(patient.getByText(/Times are in your time zone, Nepal Time \(Asia\/Kathmandu\)/)).toBeVisible();
  const form = patient.getByRole('form', { name: 'Request an appointment' });
  await form.getByRole('button', { name: 'Request appointment' }).click();
  await expect(form.getByText('Choose one of the free times')).toBeVisible();
  await expect(form.getByLabel('Symptoms or reason for the visit')).toHaveAttribute('aria-invalid', 'true');

  const slot = await firstFreeSlot(form);
  const requestedLabel = (await slot.getAttribute('aria-label'))!;
  await slot.check();
  await form.getByLabel('Symptoms or reason for the visit').fill('Fever and cough for three days.');
  await form.getByRole('button', { name: 'Request appointment' }).click();

  await expect(patient.getByRole('heading', { level: 1, name: `Appointment with ${doctorName()}` })).toBeVisible();
  await expect(patient.getByText('Your request was sent')).toBeVisible();
  await expect(patient.getByText('Status: Requested.')).toBeVisible();
  const appointmentUrl = patient.url();
  // The patient moves on (looking at the appointment would read its news as it arrives).
  await patient.goto('/');

  // The doctor sees the request on the dashboard and proposes another time with a note.
  await doctor.goto('/');
  const requests = doctor.getByRole('region', { name: 'Requests waiting for you' });
  await expect(requests).toContainText('1 waiting for an answer');
  await requests.getByRole('link', { name: patientName() }).click();
  await expect(doctor.getByRole('heading', { level: 1, name: `Appointment with ${patientName()}` })).toBeVisible();
  await expect(doctor.getByText('Fever and cough for three days.')).toBeVisible();
  // (Cancelling is offered too unless the visit is less than an hour away: the API decides.)
  for (const name of ['Approve', 'Propose another time', 'Reject']) {
    await expect(doctor.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(doctor.getByRole('button', { name: 'Start the visit' })).toHaveCount(0);

  await doctor.getByRole('button', { name: 'Propose another time' }).click();
  const dialog = doctor.getByRole('dialog', { name: 'Propose another time' });
  await expect(dialog).toBeVisible();
  const proposed = dialog.getByRole('radio').last();
  const proposedLabel = (await proposed.getAttribute('aria-label'))!;
  expect(proposedLabel).not.toBe(requestedLabel);
  await proposed.check();
  await dialog.getByLabel('Note for the patient').fill('I am in surgery then; could you come at this time?');
  await dialog.getByRole('button', { name: 'Send proposal' }).click();
  await expect(dialog).toBeHidden();
  await expect(doctor.getByText('You proposed another time.')).toBeVisible();
  await expect(doctor.getByText('Status: New time proposed.')).toBeVisible();

  // The patient hears of it from the bell, and compares the two times.
  await patient.goto('/');
  const bell = patient.getByRole('button', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const panel = patient.getByRole('region', { name: 'Notifications' });
  await panel.getByRole('link', { name: /proposed another time/ }).click();
  await expect(patient).toHaveURL(appointmentUrl);
  await expect(patient.getByText(`Dr ${world.doctor.lastName} proposed another time`)).toBeVisible();
  const [, requestedTime] = requestedLabel.split(/, (?=[^,]*$)/);
  const [, proposedTime] = proposedLabel.split(/, (?=[^,]*$)/);
  await expect(patient.getByRole('definition').filter({ hasText: proposedTime! }).first()).toBeVisible();
  await expect(patient.getByText('Originally requested')).toBeVisible();
  await expect(patient.locator('s')).toContainText(requestedTime!);
  await expect(patient.getByText('Note from the doctor: “I am in surgery then; could you come at this time?”')).toBeVisible();
  await patient.getByRole('button', { name: 'Accept the new time' }).click();

  // Both see it scheduled, with the fee due.
  await expect(patient.getByText('Status: Scheduled.')).toBeVisible();
  await expect(patient.getByText(/Fee Rs 1,500\.00\. Payment due by /)).toBeVisible();
  await doctor.reload();
  await expect(doctor.getByText('Status: Scheduled.')).toBeVisible();
  await expect(doctor.getByText(/Payment due by /)).toBeVisible();

  // The read notification no longer counts.
  await patient.goto('/notifications');
  await expect(patient.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();

  // "Add to calendar" downloads an iCalendar file of the appointment.
  await patient.goto(appointmentUrl);
  const link = patient.getByRole('link', { name: 'Add to calendar' });
  const response = await patient.request.get((await link.getAttribute('href'))!);
  expect(response.headers()['content-type']).toContain('text/calendar');
  const downloading = patient.waitForEvent('download');
  await link.click();
  const file = await (await downloading).path();
  const ics = await readFile(file, 'utf8');
  expect(ics).toMatch(/^DTSTART:\d{8}T\d{6}Z\r?$/m);
  expect(ics).toContain(`SUMMARY:Video visit with Dr ${world.doctor.firstName} ${world.doctor.lastName}`);
  // Agreed but not paid yet: tentative, and it says the fee is due.
  expect(ics).toMatch(/^STATUS:TENTATIVE\r?$/m);

  // Listed for the patient where it waits for them (the fee is due): the page opens there.
  await navigate(patient, 'Appointments');
  await expect(patient.getByRole('link', { name: doctorName() })).toBeVisible();
  await patient.getByRole('link', { name: 'Past' }).click();
  await expect(patient.getByRole('heading', { name: 'No past appointments' })).toBeVisible();

  await patient.context().close();
  await doctor.context().close();
});

test('the doctor rejects a request with a reason, and the patient reads it', async ({ browser, baseURL }) => {
  const patientApi = await Api.signIn(baseURL!, world.patient.email, world.patient.password);
  const [slot] = (await freeSlots(patientApi, world.doctor.id)).slice(-1);
  const appointment = { id: await requestSlot(patientApi, world.doctor.id, slot!, 'A rash on both arms.') };
  await patientApi.dispose();

  const doctor = await pageFor(browser, world.doctor.email, world.doctor.newPassword);
  await doctor.goto(`/appointments/${appointment.id}`);
  await doctor.getByRole('button', { name: 'Reject', exact: true }).click();
  const dialog = doctor.getByRole('dialog', { name: 'Reject this request?' });
  await dialog.getByRole('button', { name: 'Reject request' }).click();
  await expect(dialog.getByLabel('Reason for the patient')).toBeFocused();
  await expect(dialog.getByText('Give a reason')).toBeVisible();
  await dialog.getByLabel('Reason for the patient').fill('Please see a dermatologist for skin problems.');
  await dialog.getByRole('button', { name: 'Reject request' }).click();
  await expect(doctor.getByText('Status: Rejected.')).toBeVisible();
  await expect(doctor.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await doctor.context().close();

  const patient = await pageFor(browser, world.patient.email, world.patient.password);
  await patient.goto(`/appointments/${appointment.id}`);
  await expect(patient.getByText('Status: Rejected.')).toBeVisible();
  await expect(patient.getByText('Reason: Please see a dermatologist for skin problems.')).toBeVisible();
  await expect(patient.getByRole('link', { name: `Book another time with ${doctorName()}` })).toBeVisible();
  // The history says who did what, and why.
  const history = patient.getByRole('region', { name: 'History' });
  await expect(history).toContainText(`${patientName()} requested the appointment`);
  await expect(history).toContainText(`${world.doctor.firstName} ${world.doctor.lastName} rejected the request`);
  await patient.context().close();
});

test('a slot taken by someone else meanwhile is explained, and the times are refreshed', async ({ browser, baseURL }) => {
  const patient = await pageFor(browser, world.patient.email, world.patient.password);
  // Without live updates (a lost connection), so the race is lost at submit rather than seen
  // coming; booking.spec.ts covers the live case.
  await patient.routeWebSocket(/\/ws\/notifications\//, (ws) => ws.close({ code: 1011, reason: 'Network down' }));
  await patient.goto(`/book/${world.doctor.id}`);
  const form = patient.getByRole('form', { name: 'Request an appointment' });
  const slot = await firstFreeSlot(form);
  const label = (await slot.getAttribute('aria-label'))!;
  const startsAt = (await slot.getAttribute('value'))!;
  await slot.check();
  await form.getByLabel('Symptoms or reason for the visit').fill('Headaches in the mornings.');

  // Another patient takes that very slot through the API before this one sends the request.
  const rival = person('appt-rival', 'Hari', 'Lama');
  const rivalApi = await Api.signUpPatient(baseURL!, rival, world.hospital.id);
  await rivalApi.send('post', '/api/appointments', { doctorId: world.doctor.id, startsAt, symptoms: 'Back pain.' }, 201);
  await rivalApi.dispose();

  await form.getByRole('button', { name: 'Request appointment' }).click();
  await expect(patient.getByText('That time is no longer free')).toBeVisible();
  await expect(patient.getByText('Someone else just took that time.')).toBeVisible();
  await expect(form.getByRole('radio', { name: label, exact: true })).toHaveCount(0);
  await expect(form.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(form.getByText('No time chosen yet.')).toBeVisible();
  await expect(patient).toHaveURL(new RegExp(`/book/${world.doctor.id}$`));
  await patient.context().close();
});

test('the hospital admin sees every appointment read-only, filters them, and edits the doctor’s hours', async ({ page }) => {
  await signInAs(page, world.admin.email, world.admin.newPassword);
  await page.goto('/');
  await navigate(page, 'Appointments');
  await expect(page.getByRole('heading', { level: 1, name: 'Appointments' })).toBeVisible();
  const rows = page.getByRole('link', { name: new RegExp(`with ${doctorName()}$`) });
  // The scheduled visit, the rival's request: both wait for someone (the rejected one is under Cancelled).
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Status').selectOption('scheduled');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('From').fill('2099-01-01');
  await expect(page.getByRole('heading', { name: 'No appointments match these filters' })).toBeVisible();
  await page.getByLabel('From').fill('');
  await page.getByRole('link', { name: 'Cancelled' }).click();
  await expect(rows).toHaveCount(1);
  await rows.click();
  await expect(page.getByRole('heading', { level: 1, name: `${patientName()} with ${doctorName()}` })).toBeVisible();
  await expect(page.getByText('Status: Rejected.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' }).getByRole('button')).toHaveCount(0);

  await page.goto(`/doctors/${world.doctor.id}`);
  await page.getByRole('link', { name: 'Edit availability' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Availability of ${doctorName()}` })).toBeVisible();
  const friday = page.getByRole('group', { name: 'Friday' });
  await expect(friday.getByLabel('From')).toHaveValue('09:00');
  await friday.getByLabel('From').fill('10:00');
  await page.getByRole('button', { name: 'Save availability' }).click();
  await expect(page.getByText('Availability saved')).toBeVisible();
});
