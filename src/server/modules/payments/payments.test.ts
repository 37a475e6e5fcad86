import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { appointmentEvents, appointments, auditEvents, payments } from '../../db/schema/index.js';
import { slotsOf } from '../../test/appointments.js';
import { type Tenant, buildUser, signIn } from '../../test/factories.js';
import { Client, useTestApp } from '../../test/harness.js';
import { expectProblem } from '../../test/problems.js';
import { outcomeOf, paidVisit, payingTenant, runJob, scheduledVisit, startPaying, useKhaltiStandIn, visit } from '../../test/payments.js';
import { connect, listen } from '../../test/sockets.js';

/** Paying a visit through Khalti (the stand-in, over real HTTP, with our real client). */
const khalti = useKhaltiStandIn();
const t = useTestApp(khalti.env);
let h: Tenant;
const pidxOf = (paymentUrl: string) => new URL(paymentUrl).searchParams.get('pidx')!;
const statusOf = async (id: string) => (await t.app.db.select({ s: appointments.status }).from(appointments).where(eq(appointments.id, id)))[0]!.s;
const eventsOf = async (id: string, action: string) =>
  t.app.db.select().from(appointmentEvents).where(and(eq(appointmentEvents.appointmentId, id), eq(appointmentEvents.action, action)));

beforeAll(async () => {
  h = await payingTenant(t.app);
});

describe('paying a visit', () => {
  it('says how patients pay here', async () => {
    expect((await h.as.patient.get('/api/payments/config')).body).toEqual({ online: true, provider: 'khalti', test: true, minimumAmount: 1000 });
  });

  it('stores the order before Khalti is asked, pays, returns, confirms once and shows a receipt', async () => {
    const id = await scheduledVisit(h);
    const inbox = await connect(await listen(t.app), '/ws/notifications/', h.as.patient.cookie);
    try {
      const order = await startPaying(h.as.patient, id);
      expect(order.status).toBe(201);
      expect(order.body).toEqual({ id: expect.any(String), amount: 50_000, paymentUrl: expect.stringContaining(`${khalti.k.url}/pay/?pidx=`), expiresAt: expect.any(String) });
      const pidx = pidxOf(order.body.paymentUrl);
      const asked = khalti.k.controls.order(pidx);
      expect(asked).toMatchObject({ amount: 50_000, purchaseOrderId: order.body.id, returnUrl: 'http://localhost:80/api/payments/khalti/return' });
      expect(asked.purchaseOrderName).toMatch(/^Video visit with Dr Asha Sharma /);
      expect((await h.as.patient.get(`/api/appointments/${id}/payments`)).body.items[0]).toMatchObject({ status: 'initiated', paymentUrl: order.body.paymentUrl, pidx: null });

      // The payer pays on the checkout page; Khalti sends them back; the server looks it up.
      const back = await visit(t.app, khalti.k.controls.pay(pidx));
      expect(back.status).toBe(303);
      expect(back.location).toBe(`/appointments/${id}?payment=paid`);
      expect(await statusOf(id)).toBe('confirmed');
      await inbox.next('payment.changed', (e) => e.paymentId === order.body.id && e.status === 'completed');

      const receipt = (await h.as.patient.get(`/api/payments/${order.body.id}`)).body;
      expect(receipt).toMatchObject({
        appointmentId: id, provider: 'khalti', amount: 50_000, status: 'completed', problem: null, test: true,
        transactionId: khalti.k.controls.order(pidx).transactionId, paidAt: expect.any(String), paymentUrl: null, refund: null, hospitalName: h.hospital.name,
      });
      const detail = (await h.as.patient.get(`/api/appointments/${id}`)).body;
      expect(detail.events.at(-1)).toMatchObject({ action: 'payment-received', toStatus: 'confirmed', actorId: null });
      const notes = (await h.as.patient.get('/api/notifications')).body.items;
      expect(notes[0]).toMatchObject({ type: 'appointment.payment-received', appointmentId: id });
      const trail = await t.app.db.select().from(auditEvents).where(eq(auditEvents.entityId, order.body.id));
      expect(trail.map((e) => e.action)).toEqual(['payment.created', 'payment.initiated', 'payment.completed']);
      expect(JSON.stringify(trail.map((e) => e.details))).not.toContain('98XXXXX');

      // A replayed return URL (or the Back button) changes nothing and asks Khalti nothing.
      const lookups = khalti.k.controls.calls.filter((c) => c.endpoint === 'lookup').length;
      for (let i = 0; i < 3; i++) expect((await visit(t.app, khalti.k.controls.returnUrlOf(khalti.k.controls.order(pidx)))).location).toBe(`/appointments/${id}?payment=paid`);
      expect(khalti.k.controls.calls.filter((c) => c.endpoint === 'lookup')).toHaveLength(lookups);
      expect(await eventsOf(id, 'payment-received')).toHaveLength(1);
      expect((await h.as.patient.get(`/api/appointments/${id}/payments`)).body.total).toBe(1);
      // Paid: it cannot be paid again.
      expectProblem(await startPaying(h.as.patient, id), 409, 'not_payable');
    } finally {
      inbox.close();
    }
  });

  it('gives a second click or a second tab the same order', async () => {
    const id = await scheduledVisit(h);
    const first = await startPaying(h.as.patient, id);
    const second = await startPaying(h.as.patient, id);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(khalti.k.controls.calls.filter((c) => c.endpoint === 'initiate' && c.key === pidxOf(first.body.paymentUrl))).toHaveLength(1);
  });

  it('leaves the visit payable after a cancel at Khalti, and pays on the second try', async () => {
    const id = await scheduledVisit(h);
    const first = (await startPaying(h.as.patient, id)).body;
    const back = await visit(t.app, khalti.k.controls.cancel(pidxOf(first.paymentUrl)));
    expect(back.location).toBe(`/appointments/${id}?payment=cancelled`);
    expect(await statusOf(id)).toBe('scheduled');
    const failed = (await h.as.patient.get(`/api/payments/${first.id}`)).body;
    expect(failed).toMatchObject({ status: 'failed', problem: 'user_canceled', paymentUrl: null });

    const again = await startPaying(h.as.patient, id);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.id);
    expect(outcomeOf((await visit(t.app, khalti.k.controls.pay(pidxOf(again.body.paymentUrl)))).location)).toBe('paid');
    expect(await statusOf(id)).toBe('confirmed');
    const list = (await h.as.patient.get(`/api/appointments/${id}/payments`)).body.items;
    expect(list.map((p: { status: string }) => p.status)).toEqual(['completed', 'failed']);
  });

  it('holds a Pending payment and confirms it when the background job finds it Completed', async () => {
    const id = await scheduledVisit(h);
    const order = (await startPaying(h.as.patient, id)).body;
    const pidx = pidxOf(order.paymentUrl);
    khalti.k.controls.setStatus(pidx, 'Pending');
    const back = await visit(t.app, khalti.k.controls.returnUrlOf(khalti.k.controls.order(pidx)));
    expect(outcomeOf(back.location)).toBe('pending');
    expect(await statusOf(id)).toBe('scheduled');
    expect((await h.as.patient.get(`/api/payments/${order.id}`)).body.status).toBe('pending');
    expectProblem(await startPaying(h.as.patient, id), 409, 'payment_in_progress');

    khalti.k.controls.setStatus(pidx, 'Completed');
    await runJob(t.app);
    expect(await statusOf(id)).toBe('confirmed');
    expect((await h.as.patient.get(`/api/payments/${order.id}`)).body).toMatchObject({ status: 'completed', transactionId: expect.any(String) });
  });

  it('closes an order that expired at Khalti and lets the patient pay again', async () => {
    const id = await scheduledVisit(h);
    const order = (await startPaying(h.as.patient, id)).body;
    khalti.k.controls.expire(pidxOf(order.paymentUrl));
    await runJob(t.app);
    expect((await h.as.patient.get(`/api/payments/${order.id}`)).body).toMatchObject({ status: 'failed', problem: 'expired' });
    expect(await statusOf(id)).toBe('scheduled');
    expect((await startPaying(h.as.patient, id)).status).toBe(201);
  });

  it('never grants the visit for Refunded or Partially refunded', async () => {
    for (const [status, expected] of [['Refunded', 'refunded'], ['Partially refunded', 'partially_refunded']] as const) {
      const id = await scheduledVisit(h);
      const order = (await startPaying(h.as.patient, id)).body;
      khalti.k.controls.setStatus(pidxOf(order.paymentUrl), status);
      const back = await visit(t.app, `http://localhost/api/payments/khalti/return?pidx=${pidxOf(order.paymentUrl)}&status=Completed`);
      expect(outcomeOf(back.location)).toBe(expected === 'refunded' ? 'failed' : 'review');
      expect(await statusOf(id)).toBe('scheduled');
      expect((await h.as.patient.get(`/api/payments/${order.id}`)).body).toMatchObject({ status: expected, problem: 'refunded_at_provider' });
    }
  });
});

describe('who may pay what', () => {
  it('answers 409 for an appointment that is not scheduled, 404 for another patient\'s, 403 for staff', async () => {
    const [slot] = await slotsOf(h.as.patient, h.doctor.id, 5, 6);
    const requested = (await h.as.patient.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: 'x' })).body.id;
    const before = (await t.app.db.select().from(payments)).length;
    expectProblem(await startPaying(h.as.patient, requested), 409, 'not_payable');
    const cancelledId = await scheduledVisit(h);
    await h.as.patient.post(`/api/appointments/${cancelledId}/cancel`, { reason: 'Better' });
    expectProblem(await startPaying(h.as.patient, cancelledId), 409, 'not_payable');

    const id = await scheduledVisit(h);
    const stranger = await signIn(t.app, await buildUser(t.app, 'patient', h.hospital.id));
    expectProblem(await startPaying(stranger, id), 404, 'not_found');
    expectProblem(await stranger.get(`/api/appointments/${id}/payments`), 404, 'not_found');
    expectProblem(await startPaying(h.as.doctor, id), 403, 'forbidden');
    expectProblem(await startPaying(h.as.admin, id), 403, 'forbidden');
    expectProblem(await startPaying(new Client(t.app), id), 401, 'unauthenticated');
    expect((await t.app.db.select().from(payments)).length).toBe(before);
  });

  it('shows a patient only their own payments, and no doctor any', async () => {
    const { paymentId } = await paidVisit(t.app, h, khalti.k);
    const stranger = await signIn(t.app, await buildUser(t.app, 'patient', h.hospital.id));
    expect((await stranger.get('/api/payments')).body).toEqual({ items: [], total: 0 });
    expectProblem(await stranger.get(`/api/payments/${paymentId}`), 404, 'not_found');
    expect((await h.as.patient.get('/api/payments')).body.items.every((p: { patient: { id: string } }) => p.patient.id === h.patient.id)).toBe(true);
    expectProblem(await h.as.doctor.get('/api/payments'), 403, 'forbidden');
    expectProblem(await h.as.doctor.get(`/api/payments/${paymentId}`), 403, 'forbidden');
  });

  it('refuses online payment below Khalti\'s minimum (the desk takes it)', async () => {
    const cheap = await payingTenant(t.app, { appointmentFee: 500 });
    const id = await scheduledVisit(cheap);
    expectProblem(await startPaying(cheap.as.patient, id), 409, 'online_payment_unavailable');
  });
});
