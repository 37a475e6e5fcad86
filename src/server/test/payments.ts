import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Hospital } from '../../contracts/hospitals.js';
import { systemCtx } from '../context.js';
import { runPaymentJob } from '../modules/payments/payment-job.js';
import type { StandInOptions } from '../modules/payments/stand-in/khalti-stand-in.js';
import { startKhaltiStandIn, type RunningKhaltiStandIn } from '../modules/payments/stand-in/server.js';
import { allWeek, slotsOf } from './appointments.js';
import { buildTenant, type Tenant } from './factories.js';
import { testClock } from './clock.js';
import { Client } from './harness.js';

/**
 * A Khalti stand-in on a free port for the whole file, and the environment that points the app's
 * real Khalti client at it. Call it before `useTestApp(khalti.env)`: its `beforeAll` runs first
 * and fills `env` in.
 */
export function useKhaltiStandIn(opts: StandInOptions = {}) {
  const holder = { env: {} as Record<string, string> } as { env: Record<string, string>; k: RunningKhaltiStandIn };
  // Khalti's time is the suite's (TEST_CLOCK shifts both), so links expire when the app thinks they do.
  const clock = testClock();
  beforeAll(async () => {
    holder.k = await startKhaltiStandIn({ port: 0, hangMs: 4_000, now: () => clock.now(), ...opts });
    Object.assign(holder.env, { KHALTI_SECRET_KEY: holder.k.secretKey, KHALTI_BASE_URL: holder.k.baseUrl, KHALTI_TIMEOUT_SECONDS: '1' });
  });
  afterAll(async () => holder.k?.close());
  return holder;
}

/** A hospital whose doctor sees patients all week, ready for visits to pay. */
export async function payingTenant(app: FastifyInstance, over: Partial<Hospital> = {}): Promise<Tenant> {
  const h = await buildTenant(app, over);
  expect((await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek())).status).toBe(200);
  return h;
}

/** An appointment of the tenant's patient, approved by the doctor: `scheduled`, its fee due. */
export async function scheduledVisit(h: Tenant, patient: Client = h.as.patient): Promise<string> {
  const [slot] = await slotsOf(patient, h.doctor.id, 2, 4);
  const created = await patient.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: 'Palpitations' });
  expect(created.status).toBe(201);
  const approved = await h.as.doctor.post(`/api/appointments/${created.body.id}/approve`, {});
  expect(approved.body.status).toBe('scheduled');
  return created.body.id;
}

/** The payer's browser arriving at a URL of ours (Khalti's return URL), signed in or not. */
export async function visit(app: FastifyInstance, url: string, as: Client = new Client(app)) {
  const u = new URL(url);
  const res = await as.get(`${u.pathname}${u.search}`);
  return { status: res.status, location: String(res.headers.location ?? ''), res };
}

/** Where the return sent the payer: the appointment page's `?payment=` outcome. */
export const outcomeOf = (location: string) => new URL(location, 'http://x').searchParams.get('payment');

/** Starts paying: the order (answer 201 for a new one). */
export async function startPaying(client: Client, appointmentId: string) {
  return client.post(`/api/appointments/${appointmentId}/payments`);
}

/** A visit paid through the stand-in and returned from: confirmed. Returns the payment and its pidx. */
export async function paidVisit(app: FastifyInstance, h: Tenant, k: RunningKhaltiStandIn) {
  const id = await scheduledVisit(h);
  const order = await startPaying(h.as.patient, id);
  expect(order.status).toBe(201);
  const pidx = new URL(order.body.paymentUrl).searchParams.get('pidx')!;
  const back = await visit(app, k.controls.pay(pidx), h.as.patient);
  expect(outcomeOf(back.location)).toBe('paid');
  return { appointmentId: id, paymentId: order.body.id as string, pidx };
}

/** The background job as an instance runs it, on a clock `aheadMs` ahead of the app's (so what is due is due). */
export const runJob = (app: FastifyInstance, aheadMs = 10 * 60_000) => runPaymentJob(jobCtx(app, aheadMs));

/** A system context whose clock runs `aheadMs` ahead of the app's. */
export const jobCtx = (app: FastifyInstance, aheadMs: number) => ({
  ...systemCtx(app, 'test: the payment job'),
  clock: { now: () => new Date(app.clock.now().getTime() + aheadMs) },
});
