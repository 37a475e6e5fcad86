import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { Api } from '../support/api.js';
import { expectNoSeriousA11yViolations } from '../support/axe.js';
import { MEDIA_ARGS } from '../../playwright.video.config.js';
import { expectReceiving, firstRemoteFrame, link, personPage, seedVisit, signalingStates, type Visit } from './support.js';

/**
 * A video visit between two Chromium browsers (fake camera and microphone), over real WebRTC on
 * loopback: the waiting room, HD from the first frames, mute, the doctor's screen, the chat
 * beside the video, being sent back, reloads on either side, and the end with its record.
 */
test.describe.configure({ mode: 'serial' });

let visit: Visit;
let patientBrowser: Browser;
let doctor: Page;
let patient: Page;
const DOCTOR = 'Dr Ramesh Adhikari';
const PATIENT = 'Maya Tamang';

test.beforeAll(async ({ browser, baseURL }) => {
  visit = await seedVisit(baseURL!, 'video');
  // Two browsers, as two people on two computers would have.
  patientBrowser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: MEDIA_ARGS });
  ({ page: doctor } = await personPage(browser, baseURL!, visit.world.doctor.email, visit.world.doctor.newPassword));
  ({ page: patient } = await personPage(patientBrowser, baseURL!, visit.world.patient.email, visit.world.patient.password));
});

test.afterAll(async () => {
  await patientBrowser?.close();
});

test('the patient waits in the waiting room until the doctor lets them in', async () => {
  await patient.goto(`/appointments/${visit.appointmentId}`);
  await patient.getByRole('link', { name: 'Join the video visit' }).click();
  await expect(patient.getByText('The doctor will let you in')).toBeVisible();
  await expect(patient.getByTestId('waiting-room')).toBeVisible();
  await expectNoSeriousA11yViolations(patient, 'the waiting room');
  // What the doctor's page sends on the call's socket.
  const sent: { type: string; signals?: { description?: { type: string } }[]; description?: { type: string } }[] = [];
  doctor.on('websocket', (ws) => {
    if (ws.url().includes('/ws/video-call/')) ws.on('framesent', (f) => sent.push(JSON.parse(String(f.payload))));
  });
  await doctor.goto(`/video-call/${visit.appointmentId}`);
  await expect(doctor.getByText(`${PATIENT} is waiting`)).toBeVisible();
  await expect(patient.getByText(`${DOCTOR} is here and will let you in`)).toBeVisible();
  // Nothing flows before admission: the patient has no peer connection yet. The doctor's is
  // made, its offer ready and held (the server would refuse it), so admitting starts at once.
  expect((await link(patient)).ice).toBeNull();
  await expect.poll(() => signalingStates(doctor)).toEqual(['have-local-offer']);
  await doctor.getByRole('button', { name: `Admit ${PATIENT}` }).click();
  await expect(patient.getByTestId('remote-video')).toBeVisible();
  // The same connection, now answered: none was thrown away, and none of its signals refused.
  await expect.poll(() => signalingStates(doctor)).toEqual(['stable']);
  await expect(doctor.getByText('the call has not begun')).toHaveCount(0);
  // The offer went with the admission itself, and only there.
  const admits = sent.filter((m) => m.type === 'call.admit');
  expect(admits).toHaveLength(1);
  expect(admits[0]!.signals?.map((x) => x.description?.type).filter(Boolean)).toEqual(['offer']);
  expect(sent.filter((m) => m.type === 'call.signal' && m.description?.type === 'offer')).toEqual([]);
});

test('both sides receive HD video at 1280x720, from the very first frame', async () => {
  await expectReceiving(patient, { width: 1280, height: 720 });
  await expectReceiving(doctor, { width: 1280, height: 720 });
  expect(await firstRemoteFrame(patient)).toMatchObject({ width: 1280, height: 720 });
  expect(await firstRemoteFrame(doctor)).toMatchObject({ width: 1280, height: 720 });
  await expect(doctor.getByTestId('call-duration')).toHaveText(/^\d\d:\d\d$/);
  await expectNoSeriousA11yViolations(doctor, 'the call page');
});

test('muting shows on the other side, and the quality indicator reads the link', async () => {
  await patient.getByRole('button', { name: 'Mute microphone' }).click();
  await expect(patient.getByRole('button', { name: 'Unmute microphone' })).toHaveAttribute('aria-pressed', 'true');
  await expect(doctor.getByTestId('remote-muted')).toHaveText(`${PATIENT} is muted`);
  await patient.getByRole('button', { name: 'Unmute microphone' }).click();
  await expect(doctor.getByTestId('remote-muted')).toHaveCount(0);
  // Each side reads its own link and hears the other's (how good depends on this machine's load).
  await expect(doctor.getByText(/^Your connection: (Good|Fair|Poor)$/)).toBeVisible();
  await expect(doctor.getByText(new RegExp(`^${PATIENT}'s connection: (Good|Fair|Poor)$`))).toBeVisible();
  await expect(patient.getByText(new RegExp(`^${DOCTOR}'s connection: (Good|Fair|Poor)$`))).toBeVisible();
});

test("the doctor's screen reaches the patient, who has no way to share one", async () => {
  await expect(patient.getByRole('button', { name: 'Share screen' })).toHaveCount(0);
  await doctor.getByRole('button', { name: 'Share screen' }).click();
  // The fake screen is 1920x1080, the camera 1280x720: the patient now receives the screen.
  await expectReceiving(patient, { width: 1920, height: 1080 });
  await expect(patient.getByLabel(`${DOCTOR} is sharing their screen`)).toBeVisible();
  await doctor.getByRole('button', { name: 'Stop sharing screen' }).click();
  await expectReceiving(patient, { width: 1280, height: 720 });
});

test('the chat beside the video is the appointment\'s own, stored', async ({ baseURL }) => {
  const text = `Can you see the rash now? ${Date.now()}`;
  await patient.getByLabel(`Message to ${DOCTOR}`).fill(text);
  await patient.getByRole('button', { name: 'Send' }).click();
  await expect(doctor.getByText(text)).toBeVisible();
  const api = await Api.signIn(baseURL!, visit.world.doctor.email, visit.world.doctor.newPassword);
  const history = await api.send<{ items: { text: string }[] }>('get', `/api/appointments/${visit.appointmentId}/messages`);
  expect(history.items.map((m) => m.text)).toContain(text);
  await api.dispose();
});

test('the doctor can send the patient back to the waiting room, and let them in again', async () => {
  await doctor.getByRole('button', { name: 'Back to waiting room' }).click();
  await expect(patient.getByTestId('waiting-room')).toBeVisible();
  await expect(doctor.getByText(`${PATIENT} is waiting`)).toBeVisible();
  await doctor.getByRole('button', { name: `Admit ${PATIENT}` }).click();
  await expectReceiving(patient, { width: 1280, height: 720 });
});

test('a reload on either side rejoins the same visit', async () => {
  await patient.reload();
  await expectReceiving(patient, { width: 1280, height: 720 });
  await expectReceiving(doctor, { width: 1280, height: 720 });
  await doctor.reload();
  await expectReceiving(doctor, { width: 1280, height: 720 });
  await expectReceiving(patient, { width: 1280, height: 720 });
});

test('the doctor ends the call: both see it ended, and its length and quality are recorded', async ({ baseURL }) => {
  await doctor.getByRole('button', { name: 'End visit' }).click();
  await doctor.getByRole('dialog', { name: 'End the video visit?' }).getByRole('button', { name: 'End visit' }).click();
  await expect(doctor.getByText('The video visit has ended')).toBeVisible();
  await expect(patient.getByText('The video visit has ended')).toBeVisible();
  const api = await Api.signIn(baseURL!, visit.world.doctor.email, visit.world.doctor.newPassword);
  const a = await api.send<{ videoCallStatus: string; callDuration: number; videoCallSummary: { maxWidth: number; maxHeight: number; samples: number } }>('get', `/api/appointments/${visit.appointmentId}`);
  expect(a.videoCallStatus).toBe('ended');
  expect(a.callDuration).toBeGreaterThan(0);
  expect(a.videoCallSummary.samples).toBeGreaterThan(0);
  expect(a.videoCallSummary.maxHeight).toBeGreaterThanOrEqual(720);
  await api.dispose();
  await doctor.getByRole('link', { name: 'Complete the visit' }).click();
  await expect(doctor.getByText('Call length')).toBeVisible();
  await expect(doctor.getByText('Best video received')).toBeVisible();
});
