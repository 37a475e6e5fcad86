import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { appointments, auditEvents, payments, refunds } from '../../db/schema/index.js';
import { systemCtx } from '../../context.js';
import { ManualClock } from '../../test/clock.js';
import type { Tenant } from '../../test/factories.js';
import { useTestApp } from '../../test/harness.js';
import { expectProblem } from '../../test/problems.js';
import { outcomeOf, payingTenant, runJob, scheduledVisit, startPaying, useKhaltiStandIn, visit } from '../../test/payments.js';
import { expireOverdue } from '../appointments/actions.service.js';

/**
 * The issue's "bad input and faults": each leaves the appointment unconfirmed, charges nothing
 * twice, and the payment record says what happened. The stand-in and the app share one clock.
 */
const clock = new ManualClock('2030-03-04T04:00:00Z');
const khalti = useKhaltiStandIn({ now: () => clock.now() });
// The clock jumps by hours here: sessions must outlast it.
Object.assign(khalti.env, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '100000' });
const t = useTestApp(khalti.env, { clock });
let h: Tenant;
const pidxOf = (paymentUrl: string) => new URL(paymentUrl).searchParams.get('pidx')!;
const appointmentStatus = async (id: string) => (await t.app.db.select({ s: appointments.status }).from(appointments).where(eq(appointments.id, id)))[0]!.s;
const paymentRow = async (id: string) => (await t.app.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const returnUrl = (query: Record<string, string>) => `http://localhost/api/payments/khalti/return?${new URLSearchParams(query)}`;

/** A scheduled visit with an open order at the stand-in. */
async function openOrder() {
  const id = await scheduledVisit(h);
  const order = (await startPaying(h.as.patient, id)).body;
  return { id, order, pidx: pidxOf(order.paymentUrl) };
}

beforeAll(async () => {
  h = await payingTenant(t.app);
});

describe('a forged or mixed-up return', () => {
  it('status=Completed for no real payment confirms nothing', async () => {
    const { id, order, pidx } = await openOrder();
    const forged = { pidx, status: 'Completed', transaction_id: 'FAKE123', tidx: 'FAKE123', amount: '50000', total_amount: '50000', purchase_order_id: order.id };
    const back = await visit(t.app, returnUrl(forged));
    expect(back.location).toBe(`/appointments/${id}?payment=unpaid`);
    expect(await appointmentStatus(id)).toBe('scheduled');
    expect(await paymentRow(order.id)).toMatchObject({ status: 'initiated', transactionId: null, grants: false });
    // A pidx that names no order of ours, or none at all: nothing to look at.
    const strangers: Record<string, string>[] = [{ pidx: 'NoSuchPidx000000000000', status: 'Completed' }, { status: 'Completed' }, { pidx: "'; drop table payments; --" }];
    for (const q of strangers)
      expect((await visit(t.app, returnUrl(q))).location).toBe('/appointments?payment=unknown');
  });

  it('a pidx from another order settles only that order', async () => {
    const mine = await openOrder();
    const other = await openOrder();
    khalti.k.controls.pay(other.pidx);
    // The return names my order but carries the other order's (paid) pidx.
    const back = await visit(t.app, returnUrl({ pidx: other.pidx, status: 'Completed', purchase_order_id: mine.order.id }));
    expect(back.location).toBe(`/appointments/${other.id}?payment=paid`);
    expect(await appointmentStatus(mine.id)).toBe('scheduled');
    expect(await paymentRow(mine.order.id)).toMatchObject({ status: 'initiated', grants: false });
  });

  it('a lookup that answers for another pidx is not trusted', async () => {
    const { id, order, pidx } = await openOrder();
    khalti.k.controls.pay(pidx);
    khalti.k.controls.fail('lookup', 'wrong_pidx');
    const back = await visit(t.app, khalti.k.controls.returnUrlOf(khalti.k.controls.order(pidx)));
    expect(outcomeOf(back.location)).toBe('error');
    expect(await appointmentStatus(id)).toBe('scheduled');
    expect(await paymentRow(order.id)).toMatchObject({ status: 'initiated', lastError: 'pidx_mismatch' });
    // The next honest lookup settles it.
    await runJob(t.app);
    expect(await appointmentStatus(id)).toBe('confirmed');
  });
});

describe('Khalti answering wrong', () => {
  it('a wrong amount is never a payment: the record says so, for staff to review', async () => {
    const { id, order, pidx } = await openOrder();
    khalti.k.controls.pay(pidx);
    khalti.k.controls.fail('lookup', 'wrong_amount', { amount: 1_000 });
    const back = await visit(t.app, khalti.k.controls.returnUrlOf(khalti.k.controls.order(pidx)));
    expect(outcomeOf(back.location)).toBe('review');
    expect(await appointmentStatus(id)).toBe('scheduled');
    expect(await paymentRow(order.id)).toMatchObject({ status: 'review', problem: 'amount_mismatch', reportedAmount: 1_000, grants: false });
    // Replayed: still not, and no second anything.
    await visit(t.app, khalti.k.controls.returnUrlOf(khalti.k.controls.order(pidx)));
    expect(await paymentRow(order.id)).toMatchObject({ status: 'review' });
    const note = (await h.as.patient.get('/api/notifications')).body.items[0];
    expect(note).toMatchObject({ type: 'payment.review', appointmentId: id });
  });

  for (const fault of ['timeout', 'server_error', 'malformed', 'wrong_shape'] as const) {
    it(`a lookup that ${fault === 'timeout' ? 'times out' : `answers ${fault}`} keeps the order open, then the job settles it once`, async () => {
      const { id, order, pidx } = await openOrder();
      khalti.k.controls.pay(pidx);
      khalti.k.controls.fail('lookup', fault);
      const back = await visit(t.app, khalti.k.controls.returnUrlOf(khalti.k.controls.order(pidx)));
      expect(back.location).toBe(`/appointments/${id}?payment=error`);
      expect(await appointmentStatus(id)).toBe('scheduled');
      const expected = { timeout: 'timeout', server_error: 'unavailable', malformed: 'malformed', wrong_shape: 'malformed' }[fault];
      expect(await paymentRow(order.id)).toMatchObject({ status: 'initiated', lastError: expected, grants: false });
      expect((await h.as.patient.get(`/api/payments/${order.id}`)).body).toMatchObject({ status: 'initiated', lastError: expected });
      await runJob(t.app);
      expect(await appointmentStatus(id)).toBe('confirmed');
      expect(await paymentRow(order.id)).toMatchObject({ status: 'completed', lastError: null, grants: true });
    });
  }

  it('an initiate that times out or fails answers 502, records why, and lets the patient try again', async () => {
    const id = await scheduledVisit(h);
    for (const fault of ['timeout', 'server_error', 'malformed'] as const) {
      khalti.k.controls.fail('initiate', fault);
      expectProblem(await startPaying(h.as.patient, id), 502, 'payment_provider_unavailable');
    }
    const tries = await t.app.db.select().from(payments).where(eq(payments.appointmentId, id));
    expect(tries.map((p) => [p.status, p.problem, p.lastError]).sort()).toEqual([
      ['failed', 'initiate_failed', 'malformed'],
      ['failed', 'initiate_failed', 'timeout'],
      ['failed', 'initiate_failed', 'unavailable'],
    ]);
    expect((await startPaying(h.as.patient, id)).status).toBe(201);
  });

  it('a wrong key is an operator\'s problem: nothing is confirmed and the key is never logged', async () => {
    const lines: string[] = [];
    const stream = { write: (s: string) => void lines.push(s) } as unknown as NodeJS.WritableStream;
    const wrong = await t.another({ KHALTI_SECRET_KEY: 'live_secret_key_not_this_one', LOG_LEVEL: 'info' }, { logStream: stream });
    const { order, pidx, id } = await openOrder();
    khalti.k.controls.pay(pidx);
    const back = await visit(wrong, khalti.k.controls.returnUrlOf(khalti.k.controls.order(pidx)));
    expect(outcomeOf(back.location)).toBe('error');
    expect(await paymentRow(order.id)).toMatchObject({ status: 'initiated', lastError: 'unauthorized' });
    expect(await appointmentStatus(id)).toBe('scheduled');
    const log = lines.join('');
    expect(log).toContain('Khalti lookup failed');
    expect(log).not.toContain('live_secret_key_not_this_one');
    expect(log).not.toContain(khalti.k.secretKey);
    expect(log).not.toContain(pidx);
  });
});

describe('late returns', () => {
  it('a return long after the link expired: not confirmed, recorded as expired, payable again', async () => {
    const { id, order, pidx } = await openOrder();
    clock.advance(2 * 3_600_000);
    const back = await visit(t.app, returnUrl({ pidx, status: 'Completed' }));
    expect(back.location).toBe(`/appointments/${id}?payment=expired`);
    expect(await paymentRow(order.id)).toMatchObject({ status: 'failed', problem: 'expired' });
    expect(await appointmentStatus(id)).toBe('scheduled');
    expect((await startPaying(h.as.patient, id)).status).toBe(201);
  });

  it('a payment that completes after the sweep cancelled the visit is refunded in full, once', async () => {
    const { id, order, pidx } = await openOrder();
    clock.advance(25 * 3_600_000);
    expect(await expireOverdue(systemCtx(t.app, 'test: the sweep'))).toBeGreaterThanOrEqual(1);
    expect(await appointmentStatus(id)).toBe('cancelled');
    expectProblem(await startPaying(h.as.patient, id), 409, 'not_payable');
    // The payer had the checkout page open and paid anyway (the stand-in's clock lets them).
    khalti.k.controls.order(pidx).expiresAt = new Date(clock.now().getTime() + 60_000);
    const back = await visit(t.app, khalti.k.controls.pay(pidx));
    expect(back.location).toBe(`/appointments/${id}?payment=refunded`);
    expect(await appointmentStatus(id)).toBe('cancelled');
    const paid = await paymentRow(order.id);
    expect(paid).toMatchObject({ status: 'refunded', problem: 'appointment_unavailable', grants: false });
    const [refund] = await t.app.db.select().from(refunds).where(eq(refunds.paymentId, order.id));
    expect(refund).toMatchObject({ status: 'succeeded', amount: 50_000, reason: 'late_payment', attempts: 1 });
    expect(khalti.k.controls.order(pidx).status).toBe('Refunded');
    // Replayed and re-run: no second refund.
    await visit(t.app, khalti.k.controls.returnUrlOf(khalti.k.controls.order(pidx)));
    await runJob(t.app);
    expect(khalti.k.controls.calls.filter((c) => c.endpoint === 'refund' && c.key === paid.transactionId)).toHaveLength(1);
    const note = (await h.as.patient.get('/api/notifications')).body.items.map((n: { type: string }) => n.type);
    expect(note).toEqual(expect.arrayContaining(['payment.late', 'payment.refunded']));
  });

  it('an order stored but never started (the server stopped) holds Pay back briefly, then the job closes it', async () => {
    const id = await scheduledVisit(h);
    const [a] = await t.app.db.select().from(appointments).where(eq(appointments.id, id));
    const now = clock.now();
    const [stuck] = await t.app.db
      .insert(payments)
      .values({ hospitalId: a!.hospitalId, appointmentId: id, patientId: a!.patientId, provider: 'khalti', amount: a!.fee, status: 'created', createdAt: now, updatedAt: now })
      .returning();
    expectProblem(await startPaying(h.as.patient, id), 409, 'payment_in_progress');
    clock.advance(10 * 60_000);
    expect((await runJob(t.app)).abandoned).toBeGreaterThanOrEqual(1);
    expect(await paymentRow(stuck!.id)).toMatchObject({ status: 'failed', problem: 'never_started' });
    const [trail] = await t.app.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, stuck!.id), eq(auditEvents.action, 'payment.failed')));
    expect(trail!.details).toMatchObject({ problem: 'never_started', systemReason: expect.any(String) });
    expect((await startPaying(h.as.patient, id)).status).toBe(201);
  });

  it('an order Khalti never settles goes to review a day after it expired', async () => {
    const { order, id } = await openOrder();
    khalti.k.controls.fail('lookup', 'server_error', { times: 100 });
    try {
      await runJob(t.app);
      expect(await paymentRow(order.id)).toMatchObject({ status: 'initiated', lastError: 'unavailable' });
      clock.advance(26 * 3_600_000);
      await runJob(t.app);
      expect(await paymentRow(order.id)).toMatchObject({ status: 'review', problem: 'unsettled' });
    } finally {
      khalti.k.controls.clearFaults();
    }
    void id;
  });
});
