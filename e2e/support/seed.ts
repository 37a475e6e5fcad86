import { expect, type Page } from '@playwright/test';
import { RUN, SUPERADMIN, person, type Person } from './accounts.js';
import { Api, hospitalBody } from './api.js';

interface Entity {
  id: string;
}

export interface World {
  hospital: Entity & { name: string };
  /** Signs in with `newPassword`. */
  admin: Person;
  /** Signs in with `newPassword`. */
  doctor: Person & Entity;
  /** Signed up: signs in with `password`. */
  patient: Person & Entity;
  /** A doctor who has not replaced the temporary password yet. */
  newDoctor: Person & Entity;
}

/**
 * One hospital with an administrator, a doctor and a patient who have all completed their
 * first sign-in, plus a doctor who has not. Built through the API.
 */
export async function seedWorld(baseURL: string, tag: string): Promise<World> {
  const root = await Api.signIn(baseURL, SUPERADMIN.email, SUPERADMIN.password);
  const name = `${tag} Hospital ${RUN}`;
  const hospital = await root.send<Entity>('post', '/api/hospitals', hospitalBody(name), 201);

  const admin = person(`${tag}-admin`, 'Nirmala', 'Shrestha');
  await root.send('post', `/api/hospitals/${hospital.id}/admins`, account(admin), 201);
  const adminApi = await Api.signInFirstTime(baseURL, admin);

  const doctor = person(`${tag}-doctor`, 'Ramesh', 'Adhikari');
  const doctorRow = await adminApi.send<Entity>('post', `/api/hospitals/${hospital.id}/doctors`, {
    ...account(doctor),
    licenseNumber: `NMC-${tag}-${RUN}`,
    specialization: 'Paediatrics',
    experienceYears: 7,
    bio: 'Children’s health, vaccinations and growth.',
  }, 201);
  const doctorApi = await Api.signInFirstTime(baseURL, doctor);

  const newDoctor = person(`${tag}-newdoctor`, 'Kamal', 'Rai');
  const newDoctorRow = await adminApi.send<Entity>('post', `/api/hospitals/${hospital.id}/doctors`, {
    ...account(newDoctor),
    licenseNumber: `NMC-${tag}-new-${RUN}`,
    specialization: 'Dermatology',
    experienceYears: 3,
  }, 201);

  const patient = person(`${tag}-patient`, 'Maya', 'Tamang');
  const patientApi = await Api.signUpPatient(baseURL, patient, hospital.id);
  const patientMe = await patientApi.send<Entity>('get', '/api/auth/me');

  await Promise.all([root.dispose(), adminApi.dispose(), doctorApi.dispose(), patientApi.dispose()]);
  return {
    hospital: { id: hospital.id, name },
    admin,
    doctor: { ...doctor, id: doctorRow.id },
    patient: { ...patient, id: patientMe.id },
    newDoctor: { ...newDoctor, id: newDoctorRow.id },
  };
}

function account(p: Person) {
  return { email: p.email, password: p.password, firstName: p.firstName, lastName: p.lastName };
}

/** Sign the page's browser context in through the API (the sign-in form has its own tests). */
export async function signInAs(page: Page, email: string, password: string) {
  const res = await page.request.post('/api/auth/login', { data: { email, password } });
  expect(res.status(), `sign in ${email}`).toBe(200);
}
