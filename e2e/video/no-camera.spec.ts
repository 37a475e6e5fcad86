import { chromium, expect, test } from '@playwright/test';
import { MEDIA_ARGS } from '../../playwright.video.config.js';
import { expectReceiving, personPage, seedVisit } from './support.js';

/** What the browser answers when the camera is refused (or missing, or busy): stands in for that person's browser. */
const REFUSE_CAMERA = () => {
  const md = navigator.mediaDevices;
  const original = md.getUserMedia.bind(md);
  md.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    if (constraints?.video) throw new DOMException('Permission denied', 'NotAllowedError');
    return original(constraints);
  };
};

test('a patient whose camera is refused is told why, and still joins with sound, seeing the doctor', async ({ browser, baseURL }) => {
  const visit = await seedVisit(baseURL!, 'nocam');
  const other = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: MEDIA_ARGS });
  try {
    const { page: doctor } = await personPage(browser, baseURL!, visit.world.doctor.email, visit.world.doctor.newPassword);
    const { context, page: patient } = await personPage(other, baseURL!, visit.world.patient.email, visit.world.patient.password);
    await context.addInitScript(REFUSE_CAMERA);
    await patient.goto(`/video-call/${visit.appointmentId}`);
    await expect(patient.getByText('The browser was not allowed to use your camera or microphone')).toBeVisible();
    await expect(patient.getByRole('button', { name: 'No camera' })).toBeDisabled();
    await doctor.goto(`/video-call/${visit.appointmentId}`);
    await doctor.getByRole('button', { name: 'Admit Maya Tamang' }).click();
    // The patient receives the doctor in HD; the doctor hears the patient and sees "Camera off".
    await expectReceiving(patient, { width: 1280, height: 720 });
    await expect(doctor.getByTestId('remote-video').locator('xpath=..').getByText('Camera off')).toBeVisible();
  } finally {
    await other.close();
  }
});
