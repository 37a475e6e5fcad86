import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, payments, refunds } from '../../db/schema/index.js';
import { systemCtx } from '../../context.js';
import type { Tenant } from '../../test/factories.js';
import { useTestApp } from '../../test/harness.js';
import { outcomeOf, paidVisit, payingTenant, runJob, scheduledVisit, startPaying, useKhaltiStandIn, visit } from '../../test/payments.js';
import { processRefund } from './refunds.service.js';

/**
 * Refunds: in full when the doctor or the hospital cancels a paid visit; by the hospital's
 * policy when the patient does; through Khalti's refund call after the commit, retried by the
 * job, never twice.
 */
const khalti = useKhaltiStandIn();
const t = useTestApp(khalti.env);
let h: Tenant;
const refundOf = async (paymentId: string) => (await t.app.db.select().from(refunds).where(eq(refunds.paymentId, paymentId)))[0];
const paymentOf = async (id: string) => (await t.app.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const refundCalls = (transactionId: string | null) => khalti.k.controls.calls.filter((c) => c.endpoint === 'refund' && c.key === transactionId).length;
const cancel = (client: Tenant['as']['patient'], id: string) => client.post(`/api/appointments/${id}/cancel`, { reason: 'Cannot make it' });

beforeAll(async () => {
  h = await payingTenant(t.app);
});

describe('when the visit is cancelled', () => {
  it('the doctor cancelling refunds in full through Khalti, once', async () => {
    const { appointmentId, paymentId, pidx } = await paidVisit(t.app, h, khalti.k);
    const res = await cancel(h.as.doctor, appointmentId);
    expect(res.body.status).toBe('cancelled');
    expect(await refundOf(paymentId)).toMatchObject({ status: 'succeeded', amount: 50_000, reason: 'doctor_cancelled', attempts: 1, refundedAt: expect.any(Date) });
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'refunded', grants: true });
    expect(khalti.k.controls.order(pidx).status).toBe('Refunded');
    expect(refundCalls(khalti.k.controls.order(pidx).transactionId)).toBe(1);
    const receipt = (await h.as.patient.get(`/api/payments/${paymentId}`)).body;
    expect(receipt).toMatchObject({ status: 'refunded', refund: { status: 'succeeded', amount: 50_000, reason: 'doctor_cancelled' } });
    const notes = (await h.as.patient.get('/api/notifications')).body.items;
    expect(notes[0]).toMatchObject({ type: 'payment.refunded', message: 'Rs 500.00 was refunded to your Khalti account.' });
    const trail = (await t.app.db.select().from(auditEvents).where(eq(auditEvents.entityId, paymentId))).map((e) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['payment.refund_requested', 'payment.refunded']));
    // Running the job again changes nothing.
    await runJob(t.app);
    expect(refundCalls(khalti.k.controls.order(pidx).transactionId)).toBe(1);
  });

  it("the hospital's admin may cancel, which refunds in full and tells both sides", async () => {
    const { appointmentId, paymentId } = await paidVisit(t.app, h, khalti.k);
    expect((await h.as.admin.get(`/api/appointments/${appointmentId}`)).body.actions).toEqual(['cancel']);
    const res = await cancel(h.as.admin, appointmentId);
    expect(res.status).toBe(200);
    expect(res.body.events.at(-1)).toMatchObject({ action: 'cancel', actorId: h.admin.id, actorRole: 'hospital_admin' });
    expect(await refundOf(paymentId)).toMatchObject({ status: 'succeeded', reason: 'hospital_cancelled', requestedBy: h.admin.id });
    for (const client of [h.as.patient, h.as.doctor]) {
      const note = (await client.get('/api/notifications')).body.items.find((n: { type: string; appointmentId: string }) => n.type === 'appointment.cancel' && n.appointmentId === appointmentId);
      expect(note.title).toBe(`${h.hospital.name} cancelled the appointment`);
    }
  });

  it("the patient cancelling in time is refunded in full by the hospital's policy", async () => {
    const { appointmentId, paymentId } = await paidVisit(t.app, h, khalti.k);
    await cancel(h.as.patient, appointmentId);
    expect(await refundOf(paymentId)).toMatchObject({ status: 'succeeded', reason: 'patient_cancelled', amount: 50_000 });
  });

  it('the patient cancelling later than the policy allows gets nothing back, and is told', async () => {
    const strict = await payingTenant(t.app, { refundFullUntilHours: 72 });
    const { appointmentId, paymentId } = await paidVisit(t.app, strict, khalti.k);
    expect((await strict.as.admin.get(`/api/hospitals/${strict.hospital.id}`)).body.refundFullUntilHours).toBe(72);
    // The patient reads the policy on the appointment before cancelling.
    expect((await strict.as.patient.get(`/api/appointments/${appointmentId}`)).body.refundFullUntilHours).toBe(72);
    await cancel(strict.as.patient, appointmentId);
    expect(await refundOf(paymentId)).toBeUndefined();
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'completed' });
    const [trail] = await t.app.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, paymentId), eq(auditEvents.action, 'payment.not_refunded')));
    expect(trail!.details).toMatchObject({ reason: 'patient_cancelled', refundFullUntilHours: 72 });
    const note = (await strict.as.patient.get('/api/notifications')).body.items[0];
    expect(note).toMatchObject({ type: 'payment.not_refunded', message: 'The hospital refunds visits cancelled at least 72 hours before their start.' });
  });

  it('the admin sets the policy; nobody else may', async () => {
    const own = await payingTenant(t.app);
    expect((await own.as.admin.patch(`/api/hospitals/${own.hospital.id}`, { refundFullUntilHours: 48 })).body.refundFullUntilHours).toBe(48);
    const appointmentId = await scheduledVisit(own);
    expect((await own.as.patient.get('/api/appointments')).body.items.find((a: { id: string }) => a.id === appointmentId).refundFullUntilHours).toBe(48);
    expect((await own.as.admin.patch(`/api/hospitals/${own.hospital.id}`, { refundFullUntilHours: -1 })).status).toBe(400);
    expect((await own.as.admin.patch(`/api/hospitals/${own.hospital.id}`, { refundFullUntilHours: 1.5 })).status).toBe(400);
    expect((await own.as.doctor.patch(`/api/hospitals/${own.hospital.id}`, { refundFullUntilHours: 0 })).status).toBe(403);
  });
});

describe('when Khalti fails', () => {
  it('a refund that fails is kept and retried by the job until it succeeds', async () => {
    const { appointmentId, paymentId, pidx } = await paidVisit(t.app, h, khalti.k);
    khalti.k.controls.fail('refund', 'server_error');
    await cancel(h.as.doctor, appointmentId);
    expect(await refundOf(paymentId)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'unavailable' });
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'completed' });
    expect((await h.as.patient.get(`/api/payments/${paymentId}`)).body.refund).toMatchObject({ status: 'pending', lastError: 'unavailable' });
    await runJob(t.app);
    expect(await refundOf(paymentId)).toMatchObject({ status: 'succeeded', attempts: 2, lastError: null });
    expect(khalti.k.controls.order(pidx).status).toBe('Refunded');
  });

  it('a refund whose answer was lost is looked up, not made twice', async () => {
    const { appointmentId, paymentId, pidx } = await paidVisit(t.app, h, khalti.k);
    khalti.k.controls.fail('refund', 'timeout');
    await cancel(h.as.doctor, appointmentId);
    expect(await refundOf(paymentId)).toMatchObject({ status: 'pending', lastError: 'timeout' });
    // Khalti did refund; only its answer was lost.
    expect(khalti.k.controls.order(pidx).status).toBe('Refunded');
    await runJob(t.app);
    expect(await refundOf(paymentId)).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(refundCalls(khalti.k.controls.order(pidx).transactionId)).toBe(1);
  });

  it('two instances making the same refund at once call Khalti once', async () => {
    const { appointmentId, paymentId, pidx } = await paidVisit(t.app, h, khalti.k);
    khalti.k.controls.fail('refund', 'server_error');
    await cancel(h.as.doctor, appointmentId);
    const refund = (await refundOf(paymentId))!;
    const other = await t.another();
    const ctxs = [systemCtx(t.app, 'test: instance one'), systemCtx(other, 'test: instance two')];
    await t.app.db.update(refunds).set({ nextAttemptAt: new Date(0) }).where(eq(refunds.id, refund.id));
    const done = await Promise.all([...ctxs, ...ctxs].map((ctx) => processRefund(ctx, refund.id)));
    expect(done.filter(Boolean)).toHaveLength(1);
    // The 503 did nothing; of the four tries at once, one claimed it and called Khalti.
    expect(refundCalls(khalti.k.controls.order(pidx).transactionId)).toBe(1);
    expect(await refundOf(paymentId)).toMatchObject({ status: 'succeeded' });
  });
});

describe('other refunds', () => {
  it('a desk payment is refunded at the desk, not through Khalti', async () => {
    const id = await scheduledVisit(h);
    const desk = await h.as.admin.post(`/api/appointments/${id}/payments/desk`, { amount: 50_000, reference: 'R-77' });
    expect(desk.status).toBe(201);
    const calls = khalti.k.controls.calls.length;
    await cancel(h.as.doctor, id);
    expect(await refundOf(desk.body.id)).toMatchObject({ status: 'at_desk', reason: 'doctor_cancelled', amount: 50_000 });
    expect(khalti.k.controls.calls.length).toBe(calls);
    expect((await h.as.patient.get('/api/notifications')).body.items.map((n: { type: string }) => n.type)).toContain('payment.refund_at_desk');
  });

  it('a second payment for a visit already paid at the desk is refunded in full', async () => {
    const id = await scheduledVisit(h);
    const order = (await startPaying(h.as.patient, id)).body;
    expect((await h.as.admin.post(`/api/appointments/${id}/payments/desk`, { amount: 50_000 })).status).toBe(201);
    const pidx = new URL(order.paymentUrl).searchParams.get('pidx')!;
    const back = await visit(t.app, khalti.k.controls.pay(pidx));
    expect(outcomeOf(back.location)).toBe('refunded');
    expect(await paymentOf(order.id)).toMatchObject({ status: 'refunded', grants: false, problem: 'appointment_unavailable' });
    expect(await refundOf(order.id)).toMatchObject({ status: 'succeeded', reason: 'duplicate_payment' });
    expect((await h.as.patient.get(`/api/appointments/${id}`)).body.status).toBe('confirmed');
  });
});
