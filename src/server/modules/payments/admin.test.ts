import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { appointmentEvents, auditEvents, payments, users } from '../../db/schema/index.js';
import { type Tenant, buildSuperAdmin } from '../../test/factories.js';
import { Client, useTestApp } from '../../test/harness.js';
import { expectProblem } from '../../test/problems.js';
import { paidVisit, payingTenant, scheduledVisit, startPaying, useKhaltiStandIn } from '../../test/payments.js';

/** What the hospital's staff do with payments: record desk payments, list, export, and the platform's totals. */
const khalti = useKhaltiStandIn();
const t = useTestApp(khalti.env);
let A: Tenant;
let B: Tenant;
let root: Client;
const desk = (client: Client, id: string, body: unknown = { amount: 50_000, reference: 'DESK-1' }) => client.post(`/api/appointments/${id}/payments/desk`, body);

beforeAll(async () => {
  [A, B] = await Promise.all([payingTenant(t.app), payingTenant(t.app)]);
  root = (await buildSuperAdmin(t.app)).client;
});

describe('a desk payment', () => {
  it('is recorded by the hospital admin, confirms the visit like an online payment, and is audited', async () => {
    const id = await scheduledVisit(A);
    const res = await desk(A.as.admin, id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ provider: 'desk', status: 'completed', amount: 50_000, transactionId: 'DESK-1', test: false, recordedBy: { id: A.admin.id }, paidAt: expect.any(String) });
    const visit = (await A.as.patient.get(`/api/appointments/${id}`)).body;
    expect(visit.status).toBe('confirmed');
    expect(visit.events.at(-1)).toMatchObject({ action: 'payment-received', actorId: A.admin.id, reason: 'Paid at the desk' });
    const [trail] = await t.app.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, res.body.id), eq(auditEvents.action, 'payment.desk_recorded')));
    expect(trail).toMatchObject({ actorId: A.admin.id, hospitalId: A.hospital.id, details: { amount: 50_000, reference: 'DESK-1', appointmentId: id } });
    expect((await A.as.patient.get(`/api/payments/${res.body.id}`)).body).toMatchObject({ provider: 'desk', transactionId: 'DESK-1' });
    // Paid once: neither the desk nor Khalti takes it again.
    expectProblem(await desk(A.as.admin, id), 409, 'not_payable');
    expectProblem(await startPaying(A.as.patient, id), 409, 'not_payable');
  });

  it('must be the fee, for a scheduled visit of the own hospital, by its admin only', async () => {
    const id = await scheduledVisit(A);
    const count = async () => (await t.app.db.select().from(payments).where(eq(payments.appointmentId, id))).length;
    expectProblem(await desk(A.as.admin, id, { amount: 40_000 }), 400, 'amount_mismatch', 'amount');
    expectProblem(await desk(A.as.admin, id, { amount: 500.5 }), 400, 'validation_failed', 'amount');
    expectProblem(await desk(A.as.admin, id, { amount: 50_000, reference: 'x\u0000' }), 400, 'validation_failed', 'reference');
    expectProblem(await desk(B.as.admin, id), 404, 'not_found');
    expectProblem(await desk(A.as.doctor, id), 403, 'forbidden');
    expectProblem(await desk(A.as.patient, id), 403, 'forbidden');
    expectProblem(await desk(root, id), 403, 'forbidden');
    expect(await count()).toBe(0);
    await A.as.patient.post(`/api/appointments/${id}/cancel`, { reason: 'Never mind' });
    expectProblem(await desk(A.as.admin, id), 409, 'not_payable');
    expect(await count()).toBe(0);
  });

  it('made at the same moment as an online confirmation gives one confirmation', async () => {
    const id = await scheduledVisit(A);
    const order = (await startPaying(A.as.patient, id)).body;
    khalti.k.controls.pay(new URL(order.paymentUrl).searchParams.get('pidx')!);
    const returned = new Client(t.app).get(`/api/payments/khalti/return?pidx=${new URL(order.paymentUrl).searchParams.get('pidx')}`);
    const [, atDesk] = await Promise.all([returned, desk(A.as.admin, id)]);
    const confirmations = await t.app.db.select().from(appointmentEvents).where(and(eq(appointmentEvents.appointmentId, id), eq(appointmentEvents.action, 'payment-received')));
    expect(confirmations).toHaveLength(1);
    const granted = await t.app.db.select().from(payments).where(and(eq(payments.appointmentId, id), eq(payments.grants, true)));
    expect(granted).toHaveLength(1);
    // Whichever lost is not a payment of the visit: the desk was refused, or the online one refunded.
    if (atDesk.status === 201) expect((await t.app.db.select().from(payments).where(eq(payments.id, order.id)))[0]).toMatchObject({ status: 'refunded', grants: false });
    else expectProblem(atDesk, 409, 'not_payable');
  });
});

describe("the hospital's payments", () => {
  let paidA: string;
  let transactionA: string;
  let paidB: string;

  beforeAll(async () => {
    const a = await paidVisit(t.app, A, khalti.k);
    paidA = a.paymentId;
    transactionA = khalti.k.controls.order(a.pidx).transactionId!;
    paidB = (await paidVisit(t.app, B, khalti.k)).paymentId;
  });

  it('are listed for its admins with filters, never another hospital\'s', async () => {
    const all = (await A.as.admin.get('/api/payments?limit=200')).body;
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.items.every((p: { hospitalId: string }) => p.hospitalId === A.hospital.id)).toBe(true);
    expect(all.items.map((p: { id: string }) => p.id)).not.toContain(paidB);
    const one = all.items.find((p: { id: string }) => p.id === paidA);
    expect(one).toMatchObject({ pidx: expect.any(String), transactionId: transactionA, paymentUrl: null });
    const byTransaction = (await A.as.admin.get(`/api/payments?q=${transactionA}`)).body;
    expect(byTransaction.items.map((p: { id: string }) => p.id)).toEqual([paidA]);
    const atDesk = (await A.as.admin.get('/api/payments?provider=desk&limit=200')).body.items;
    expect(atDesk.length).toBeGreaterThan(0);
    expect(atDesk.every((p: { provider: string }) => p.provider === 'desk')).toBe(true);
    const completed = (await A.as.admin.get('/api/payments?status=completed,refunded&limit=200')).body.items;
    expect(completed.every((p: { status: string }) => ['completed', 'refunded'].includes(p.status))).toBe(true);
    expect((await A.as.admin.get('/api/payments?from=2999-01-01T00:00:00Z')).body).toEqual({ items: [], total: 0 });
    expect((await A.as.admin.get(`/api/payments?hospitalId=${B.hospital.id}`)).body).toEqual({ items: [], total: 0 });
    expectProblem(await A.as.admin.get('/api/payments?status=paid'), 400, 'validation_failed');
    expectProblem(await A.as.admin.get(`/api/payments/${paidB}`), 404, 'not_found');
    expect((await root.get(`/api/payments/${paidB}`)).status).toBe(200);
    const [listed] = await t.app.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'payment.listed'), eq(auditEvents.actorId, A.admin.id)));
    expect(listed).toBeDefined();
  });

  it('export as CSV with the same filters, spreadsheet-safe, audited', async () => {
    await t.app.db.update(users).set({ firstName: '=HYPERLINK("http://evil.test")' }).where(eq(users.id, A.patient.id));
    const res = await A.as.admin.get('/api/payments/export.csv?provider=khalti');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="payments-\d{4}-\d\d-\d\d\.csv"$/);
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('payment_id,created_at,paid_at,status,problem,provider,test,amount_paisa,amount_rupees,transaction_id,pidx,appointment_id,appointment_starts_at,patient,recorded_by,refund_status,refund_amount_paisa,refund_reason,refunded_at,hospital');
    const row = lines.find((l) => l.startsWith(paidA))!;
    expect(row).toContain(',completed,,khalti,true,50000,500.00,');
    expect(row).toContain(transactionA);
    expect(row).toContain(`"'=HYPERLINK(""http://evil.test"")`);
    expect(lines.some((l) => l.startsWith(paidB))).toBe(false);
    expect(lines.slice(1).every((l) => l.includes(',khalti,'))).toBe(true);
    const [exported] = await t.app.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'payment.exported'), eq(auditEvents.actorId, A.admin.id)));
    expect(exported!.details).toMatchObject({ count: lines.length - 1 });
    expectProblem(await A.as.doctor.get('/api/payments/export.csv'), 403, 'forbidden');
    expectProblem(await A.as.patient.get('/api/payments/export.csv'), 403, 'forbidden');
  });

  it('add up per hospital for the super admin; an admin sees their own', async () => {
    const totals = (await root.get('/api/payments/totals')).body;
    const a = totals.items.find((x: { hospitalId: string }) => x.hospitalId === A.hospital.id);
    const rows = await t.app.db.select().from(payments).where(eq(payments.hospitalId, A.hospital.id));
    const paid = rows.filter((p) => p.paidAt !== null);
    expect(a).toMatchObject({
      hospitalName: A.hospital.name,
      paidCount: paid.length,
      paidAmount: paid.reduce((s, p) => s + p.amount, 0),
      onlineAmount: paid.filter((p) => p.provider === 'khalti').reduce((s, p) => s + p.amount, 0),
      deskAmount: paid.filter((p) => p.provider === 'desk').reduce((s, p) => s + p.amount, 0),
    });
    expect(a.netAmount).toBe(a.paidAmount - a.refundedAmount);
    expect(totals.items.find((x: { hospitalId: string }) => x.hospitalId === B.hospital.id)).toMatchObject({ paidCount: 1, paidAmount: 50_000, netAmount: 50_000 });
    const own = (await A.as.admin.get('/api/payments/totals')).body;
    expect(own.items.map((x: { hospitalId: string }) => x.hospitalId)).toEqual([A.hospital.id]);
    expect((await root.get('/api/payments/totals?from=2999-01-01T00:00:00Z')).body.items.every((x: { paidAmount: number }) => x.paidAmount === 0)).toBe(true);
    expectProblem(await A.as.patient.get('/api/payments/totals'), 403, 'forbidden');
    expectProblem(await A.as.doctor.get('/api/payments/totals'), 403, 'forbidden');
  });
});
