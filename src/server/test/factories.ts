import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../contracts/enums.js';
import type { Hospital } from '../../contracts/hospitals.js';
import { systemCtx } from '../context.js';
import { doctorProfiles, hospitals, patientProfiles, users } from '../db/schema/index.js';
import { insertAccount } from '../modules/accounts/users.js';
import { createHospital } from '../modules/hospitals/hospitals.service.js';
import { Client } from './harness.js';

export const PASSWORD = 'correct-horse-battery';
/** The zone of the hospitals tests build; `.ci/clock-run` moves it to one with daylight saving. */
export const TEST_TIMEZONE = process.env.TEST_TIMEZONE ?? 'Asia/Kathmandu';
/** A short random suffix that keeps names, emails and licences apart between tests. */
export const unique = () => randomBytes(4).toString('hex');

/** What an admin sends to create someone (the account part), with a fresh email each time. */
export const accountBody = <T extends Record<string, unknown>>(emailPrefix: string, name: [string, string], over: T = {} as T) => ({
  email: `${emailPrefix}-${unique()}@people.test`,
  password: 'initial-password-1',
  firstName: name[0],
  lastName: name[1],
  ...over,
});

/** Test setup is the system at work, and says so: no pretend super admin. */
const factoryCtx = (app: FastifyInstance) => systemCtx(app, 'a test factory builds its fixtures');

export async function buildHospital(app: FastifyInstance, over: Partial<Hospital> = {}): Promise<Hospital> {
  const { isActive, ...fields } = over;
  const hospital = await createHospital(factoryCtx(app), {
    name: `Hospital ${unique()}`,
    address: 'Kathmandu',
    phone: '+977 1 4000000',
    email: `info-${unique()}@hospital.test`,
    timezone: TEST_TIMEZONE,
    appointmentFee: 50_000,
    refundFullUntilHours: 24,
    adminTwoFactorRequired: false,
    ...fields,
  });
  if (isActive === false) await app.db.update(hospitals).set({ isActive: false }).where(eq(hospitals.id, hospital.id));
  return { ...hospital, isActive: isActive ?? hospital.isActive };
}

export interface Person {
  id: string;
  email: string;
  password: string;
  role: Role;
  hospitalId: string | null;
}

export interface PersonOptions {
  mustChangePassword?: boolean;
  isActive?: boolean;
  /** A doctor who is not taking appointments. */
  isAvailable?: boolean;
}

/** A user of any role, with its profile, ready to sign in (no forced password change). */
export async function buildUser(app: FastifyInstance, role: Role, hospitalId: string | null, over: PersonOptions = {}): Promise<Person> {
  const email = `${role.replace('_', '-')}-${unique()}@people.test`;
  const ctx = factoryCtx(app);
  const user = await app.db.transaction(async (tx) => {
    const u = await insertAccount(tx, ctx, {
      email,
      password: PASSWORD,
      firstName: role === 'doctor' ? 'Asha' : 'Ram',
      lastName: `${role === 'doctor' ? 'Sharma' : 'Thapa'} ${unique()}`,
      role,
      hospitalId,
      mustChangePassword: over.mustChangePassword ?? false,
    });
    if (role === 'doctor')
      await tx.insert(doctorProfiles).values({ userId: u.id, hospitalId: hospitalId!, licenseNumber: `NMC-${unique()}`, specialization: 'Cardiology', experienceYears: 8, isAvailable: over.isAvailable ?? true });
    if (role === 'patient') await tx.insert(patientProfiles).values({ userId: u.id, hospitalId: hospitalId!, allergies: 'Penicillin' });
    if (over.isActive === false) await tx.update(users).set({ isActive: false }).where(eq(users.id, u.id));
    return u;
  });
  return { id: user.id, email, password: PASSWORD, role, hospitalId };
}

export async function signIn(app: FastifyInstance, person: { email: string; password: string }): Promise<Client> {
  const client = new Client(app);
  const res = await client.post('/api/auth/login', { email: person.email, password: person.password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

/** A hospital with an admin, a doctor and a patient, each signed in. */
export async function buildTenant(app: FastifyInstance, over: Partial<Hospital> = {}) {
  const hospital = await buildHospital(app, over);
  const [admin, doctor, patient] = await Promise.all([
    buildUser(app, 'hospital_admin', hospital.id),
    buildUser(app, 'doctor', hospital.id),
    buildUser(app, 'patient', hospital.id),
  ]);
  const [adminClient, doctorClient, patientClient] = await Promise.all([signIn(app, admin), signIn(app, doctor), signIn(app, patient)]);
  return { hospital, admin, doctor, patient, as: { admin: adminClient, doctor: doctorClient, patient: patientClient } };
}

export type Tenant = Awaited<ReturnType<typeof buildTenant>>;

/** Two hospitals, A and B, each with its people signed in, and a super admin: most files' setup. */
export async function buildTwoHospitals(app: FastifyInstance) {
  const [A, B, root] = await Promise.all([buildTenant(app), buildTenant(app), buildSuperAdmin(app)]);
  return { A, B, root: root.client };
}

export async function buildSuperAdmin(app: FastifyInstance) {
  const person = await buildUser(app, 'super_admin', null);
  return { person, client: await signIn(app, person) };
}
