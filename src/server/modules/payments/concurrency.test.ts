import { and, eq, inArray, lte } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase, type Database } from '../../db/client.js';
import { appointmentEvents, notifications, payments } from '../../db/schema/index.js';
import type { Tenant } from '../../test/factories.js';
import { Client, testConfig, useTestApp } from '../../test/harness.js';
import { jobCtx, payingTenant, scheduledVisit, startPaying, useKhaltiStandIn, visit } from '../../test/payments.js';
import { runPaymentJob } from './payment-job.js';

/**
 * Idempotency by constraints: parallel returns, double clicks, tabs and instances give one
 * order, one confirmation, one notification; on PostgreSQL, across two app instances too.
 */
const khalti = useKhaltiStandIn();
const t = useTestApp(khalti.env);
let h: Tenant;
const pidxOf = (url: string) => new URL(url).searchParams.get('pidx')!;

async function expectOneConfirmation(appointmentId: string) {
  const events = await t.app.db.select().from(appointmentEvents).where(and(eq(appointmentEvents.appointmentId, appointmentId), eq(appointmentEvents.action, 'payment-received')));
  expect(events).toHaveLength(1);
  const granted = await t.app.db.select().from(payments).where(and(eq(payments.appointmentId, appointmentId), eq(payments.grants, true)));
  expect(granted).toHaveLength(1);
  const told = await t.app.db.select().from(notifications).where(and(eq(notifications.appointmentId, appointmentId), eq(notifications.type, 'appointment.payment-received')));
  expect(told).toHaveLength(2); // the patient and the doctor, once each
}

beforeAll(async () => {
  h = await payingTenant(t.app);
});

describe('at once, on one instance', () => {
  it('ten clicks on Pay make one order and one initiate', async () => {
    const id = await scheduledVisit(h);
    const results = await Promise.all(Array.from({ length: 10 }, () => startPaying(h.as.patient, id)));
    expect(results.map((r) => r.status).filter((s) => s === 201)).toHaveLength(1);
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const rows = await t.app.db.select().from(payments).where(eq(payments.appointmentId, id));
    expect(rows).toHaveLength(1);
    expect(khalti.k.controls.calls.filter((c) => c.endpoint === 'initiate' && c.key === rows[0]!.pidx)).toHaveLength(1);
  });

  it('twenty returns of the same payment (tabs, reloads, replays) confirm it once', async () => {
    const id = await scheduledVisit(h);
    const order = (await startPaying(h.as.patient, id)).body;
    const back = khalti.k.controls.pay(pidxOf(order.paymentUrl));
    const results = await Promise.all(Array.from({ length: 20 }, () => visit(t.app, back, new Client(t.app))));
    expect(new Set(results.map((r) => r.location))).toEqual(new Set([`/appointments/${id}?payment=paid`]));
    await expectOneConfirmation(id);
  });

  it('the job and a return racing settle it once', async () => {
    const id = await scheduledVisit(h);
    const order = (await startPaying(h.as.patient, id)).body;
    const back = khalti.k.controls.pay(pidxOf(order.paymentUrl));
    const job = () => runPaymentJob(jobCtx(t.app, 600_000));
    await Promise.all([visit(t.app, back), job(), visit(t.app, back), job()]);
    await expectOneConfirmation(id);
  });
});

const postgres = process.env.DATABASE_URL?.startsWith('postgres');
if (!postgres) console.log('two-instance payment test skipped: it needs a PostgreSQL DATABASE_URL');

describe.runIf(postgres)('two instances sharing one PostgreSQL', () => {
  let second: Database;
  let other: FastifyInstance;
  beforeAll(async () => {
    second = await openDatabase({ kind: 'postgres', url: t.database.url });
    other = await buildApp(testConfig(t.config.dataDir, khalti.env), { database: second, clock: t.clock });
  });
  afterAll(async () => {
    await other?.close();
    await second?.close();
  });

  it('returns split between them confirm once, and both jobs at once settle each order once', async () => {
    const id = await scheduledVisit(h);
    const order = (await startPaying(h.as.patient, id)).body;
    const back = khalti.k.controls.pay(pidxOf(order.paymentUrl));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => visit(i % 2 ? other : t.app, back, new Client(i % 2 ? other : t.app))));
    expect(new Set(results.map((r) => r.location))).toEqual(new Set([`/appointments/${id}?payment=paid`]));
    await expectOneConfirmation(id);

    // Pending orders left for the jobs of both instances, running at the same moment.
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const a = await scheduledVisit(h);
      khalti.k.controls.pay(pidxOf((await startPaying(h.as.patient, a)).body.paymentUrl));
      ids.push(a);
    }
    const ahead = 600_000;
    const at = new Date(t.app.clock.now().getTime() + ahead);
    const due = await t.app.db.select().from(payments).where(and(inArray(payments.status, ['initiated', 'pending']), lte(payments.nextCheckAt, at)));
    expect(due.length).toBeGreaterThanOrEqual(4);
    const runs = await Promise.all([runPaymentJob(jobCtx(t.app, ahead)), runPaymentJob(jobCtx(other, ahead))]);
    expect(runs[0]!.checked + runs[1]!.checked).toBe(due.length);
    for (const a of ids) await expectOneConfirmation(a);
  });
});
