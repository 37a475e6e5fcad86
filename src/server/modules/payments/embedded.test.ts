import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { payments } from '../../db/schema/index.js';
import type { Tenant } from '../../test/factories.js';
import { Client, useTestApp } from '../../test/harness.js';
import { expectProblem } from '../../test/problems.js';
import { outcomeOf, payingTenant, scheduledVisit, startPaying } from '../../test/payments.js';

/**
 * With no Khalti key, outside production, the server carries the stand-in itself: its checkout
 * page is on our own origin under /khalti-sandbox/, and the payments are test payments. In
 * production without a key, online payment is off and the desk confirms visits.
 * The payer's browser is played by hand: page, form, redirects.
 */
const t = useTestApp();
let h: Tenant;
/** Our origin as the payer's browser names it (the injected requests' Host is localhost:80). */
const ORIGIN = 'http://localhost';

/** The payer's browser on the checkout page: read the form, press a button, follow the redirect to our return URL. */
async function checkout(app: FastifyInstance, paymentUrl: string, choice: 'pay' | 'cancel') {
  const browser = new Client(app);
  const url = new URL(paymentUrl);
  const page = await browser.get(`${url.pathname}${url.search}`);
  expect(page.status).toBe(200);
  expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  const html = page.body as string;
  const action = new URL(/<form method="post" action="([^"]+)"/.exec(html)![1]!);
  const pidx = /name="pidx" value="([^"]+)"/.exec(html)![1]!;
  const sent = await browser.request('POST', action.pathname, `pidx=${pidx}&mobile=9800000002&choice=${choice}`, { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' });
  expect(sent.status).toBe(303);
  const back = new URL(String(sent.headers.location));
  expect(back.origin).toBe(ORIGIN);
  const returned = await browser.get(`${back.pathname}${back.search}`);
  expect(returned.status).toBe(303);
  return { html, location: String(returned.headers.location) };
}

beforeAll(async () => {
  h = await payingTenant(t.app);
});

describe('the stand-in inside our server', () => {
  it('is announced as test payments', async () => {
    expect((await h.as.patient.get('/api/payments/config')).body).toEqual({ online: true, provider: 'stand-in', test: true, minimumAmount: 1000 });
  });

  it('takes a payer through its checkout page: cancel, then pay again', async () => {
    const id = await scheduledVisit(h);
    const first = (await startPaying(h.as.patient, id)).body;
    expect(first.paymentUrl).toMatch(new RegExp(`^${ORIGIN}/khalti-sandbox/pay/\\?pidx=[A-Za-z0-9]{22}$`));
    const cancelled = await checkout(t.app, first.paymentUrl, 'cancel');
    expect(cancelled.html).toContain('Rs 500.00');
    expect(cancelled.location).toBe(`/appointments/${id}?payment=cancelled`);
    expect((await h.as.patient.get(`/api/appointments/${id}`)).body.status).toBe('scheduled');

    const second = (await startPaying(h.as.patient, id)).body;
    expect(second.id).not.toBe(first.id);
    const paid = await checkout(t.app, second.paymentUrl, 'pay');
    expect(outcomeOf(paid.location)).toBe('paid');
    expect((await h.as.patient.get(`/api/appointments/${id}`)).body.status).toBe('confirmed');
    const receipt = (await h.as.patient.get(`/api/payments/${second.id}`)).body;
    expect(receipt).toMatchObject({ status: 'completed', test: true, transactionId: expect.any(String), amount: 50_000 });
    // A paid link's page no longer offers Pay.
    const again = await new Client(t.app).get(new URL(second.paymentUrl).pathname + new URL(second.paymentUrl).search);
    expect(again.status).toBe(409);
  });

  it('refunds through the stand-in too', async () => {
    const id = await scheduledVisit(h);
    const order = (await startPaying(h.as.patient, id)).body;
    await checkout(t.app, order.paymentUrl, 'pay');
    await h.as.doctor.post(`/api/appointments/${id}/cancel`, { reason: 'Called away' });
    expect((await h.as.patient.get(`/api/payments/${order.id}`)).body).toMatchObject({ status: 'refunded', refund: { status: 'succeeded' } });
  });

  it('is not in the API document', async () => {
    const doc = (await new Client(t.app).get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths).some((p) => p.includes('khalti-sandbox'))).toBe(false);
  });
});

describe('production without a Khalti key', () => {
  let prod: FastifyInstance;
  const as = (client: Client) => Object.assign(new Client(prod), { cookie: client.cookie });
  beforeAll(async () => {
    prod = await t.another({ NODE_ENV: 'production', COOKIE_SECURE: 'false', PUBLIC_URL: 'http://localhost' });
  });

  it('has no online payment: the patient is told to pay at the hospital, whose admin confirms at the desk', async () => {
    expect((await as(h.as.patient).get('/api/payments/config')).body).toEqual({ online: false, provider: null, test: false, minimumAmount: 1000 });
    const id = await scheduledVisit(h);
    const before = (await t.app.db.select().from(payments).where(eq(payments.appointmentId, id))).length;
    expectProblem(await as(h.as.patient).post(`/api/appointments/${id}/payments`), 409, 'online_payment_unavailable');
    expect((await t.app.db.select().from(payments).where(eq(payments.appointmentId, id))).length).toBe(before);
    expect((await new Client(prod).get('/khalti-sandbox/pay/?pidx=x')).status).toBe(404);
    const desk = await as(h.as.admin).post(`/api/appointments/${id}/payments/desk`, { amount: 50_000 });
    expect(desk.status).toBe(201);
    expect((await as(h.as.patient).get(`/api/appointments/${id}`)).body.status).toBe('confirmed');
  });
});
