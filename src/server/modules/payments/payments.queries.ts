import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { OPEN_PAYMENT_STATUSES, type Payment, type PaymentExportQuery, type PaymentListQuery } from '../../../contracts/payments.js';
import { paymentRows, seesPaymentLink, seesProviderDetails } from '../../access/payments.policy.js';
import { isStaff, type Scope } from '../../access/scope.js';
import type { ActorCtx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { appointments, hospitals, payments, refunds, users } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { audit } from '../audit/audit.js';
import { findAppointment } from '../appointments/appointments.queries.js';

export type PaymentRow = typeof payments.$inferSelect;
export const isOpen = (p: Pick<PaymentRow, 'status'>) => (OPEN_PAYMENT_STATUSES as readonly string[]).includes(p.status);

const patient = alias(users, 'payer');
const recorder = alias(users, 'recorder');

/** Payments with what a receipt or a list shows. Add `paymentRows(scope)` to the where clause, always. */
export const selectPayments = (tx: Tx) =>
  tx
    .select({
      payment: payments,
      refund: refunds,
      hospitalName: hospitals.name,
      appointmentStartsAt: appointments.startsAt,
      patient: { id: patient.id, firstName: patient.firstName, lastName: patient.lastName },
      recorder: { id: recorder.id, firstName: recorder.firstName, lastName: recorder.lastName },
    })
    .from(payments)
    .innerJoin(hospitals, eq(hospitals.id, payments.hospitalId))
    .innerJoin(appointments, eq(appointments.id, payments.appointmentId))
    .innerJoin(patient, eq(patient.id, payments.patientId))
    .leftJoin(recorder, eq(recorder.id, payments.recordedBy))
    .leftJoin(refunds, eq(refunds.paymentId, payments.id))
    .$dynamic();

export type PaymentListRow = Awaited<ReturnType<ReturnType<typeof selectPayments>['execute']>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentPayment({ payment: p, refund: r, hospitalName, appointmentStartsAt, patient: who, recorder: by }: PaymentListRow, scope: Scope): Payment {
  return {
    id: p.id,
    appointmentId: p.appointmentId,
    appointmentStartsAt: appointmentStartsAt.toISOString(),
    hospitalId: p.hospitalId,
    hospitalName,
    patient: who,
    provider: p.provider,
    test: p.test,
    amount: p.amount,
    status: p.status,
    problem: p.problem ?? null,
    transactionId: p.transactionId,
    pidx: seesProviderDetails(scope) ? p.pidx : null,
    paymentUrl: isOpen(p) && seesPaymentLink(scope, p) ? p.paymentUrl : null,
    expiresAt: iso(p.expiresAt),
    paidAt: iso(p.paidAt),
    checkedAt: iso(p.checkedAt),
    lastError: p.lastError ?? null,
    recordedBy: by?.id ? { id: by.id, firstName: by.firstName, lastName: by.lastName } : null,
    refund: r
      ? { id: r.id, amount: r.amount, status: r.status, reason: r.reason, requestedAt: r.createdAt.toISOString(), refundedAt: iso(r.refundedAt), attempts: r.attempts, lastError: r.lastError ?? null }
      : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The filters of the admins' list and the CSV export. */
export function paymentFilters(scope: Scope, q: PaymentExportQuery): SQL | undefined {
  return and(
    paymentRows(scope),
    q.status?.length ? inArray(payments.status, q.status) : undefined,
    q.provider ? eq(payments.provider, q.provider) : undefined,
    q.from ? gte(payments.createdAt, new Date(q.from)) : undefined,
    q.to ? lt(payments.createdAt, new Date(q.to)) : undefined,
    q.appointmentId ? eq(payments.appointmentId, q.appointmentId) : undefined,
    q.patientId ? eq(payments.patientId, q.patientId) : undefined,
    q.hospitalId ? eq(payments.hospitalId, q.hospitalId) : undefined,
    q.q ? or(eq(payments.transactionId, q.q), eq(payments.pidx, q.q)) : undefined,
    q.refunded === true ? isNotNull(refunds.id) : q.refunded === false ? isNull(refunds.id) : undefined,
  );
}

export async function listPayments(ctx: ActorCtx, q: PaymentListQuery) {
  const where = paymentFilters(ctx.scope, q);
  const order = q.order === 'asc' ? [asc(payments.createdAt), asc(payments.id)] : [desc(payments.createdAt), desc(payments.id)];
  const [rows, [total]] = await Promise.all([
    selectPayments(ctx.db).where(where).orderBy(...order).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(payments).leftJoin(refunds, eq(refunds.paymentId, payments.id)).where(where),
  ]);
  if (isStaff(ctx.scope)) await audit(ctx.db, ctx, { action: 'payment.listed', hospitalId: ctx.actor.hospitalId ?? q.hospitalId ?? null, details: { count: rows.length } });
  return { items: rows.map((r) => presentPayment(r, ctx.scope)), total: total!.n };
}

/** One payment, if this scope may see it; another hospital's (or patient's) is "not found". */
export async function findPayment(tx: Tx, scope: Scope, id: string) {
  const [row] = await selectPayments(tx).where(and(eq(payments.id, id), paymentRows(scope)));
  return row;
}

export async function getPayment(ctx: ActorCtx, id: string): Promise<Payment> {
  const row = await findPayment(ctx.db, ctx.scope, id);
  if (!row) throw notFound('No such payment');
  if (isStaff(ctx.scope)) await audit(ctx.db, ctx, { action: 'payment.viewed', hospitalId: row.payment.hospitalId, entityType: 'payment', entityId: id });
  return presentPayment(row, ctx.scope);
}

/** Reads one payment back as its patient or its hospital would see it (after a change). */
export async function presentPaymentById(tx: Tx, scope: Scope, id: string): Promise<Payment> {
  const row = await findPayment(tx, scope, id);
  if (!row) throw notFound('No such payment');
  return presentPayment(row, scope);
}

/** The open online order of an appointment, if there is one (at most one: a unique index). */
export async function openOrderOf(tx: Tx, appointmentId: string): Promise<PaymentRow | undefined> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.appointmentId, appointmentId), inArray(payments.status, [...OPEN_PAYMENT_STATUSES])));
  return row;
}

/** An appointment's payments, newest first: its page's payment states and receipt. */
export async function appointmentPayments(ctx: ActorCtx, appointmentId: string) {
  if (!(await findAppointment(ctx.db, ctx.scope, appointmentId))) throw notFound('No such appointment');
  const rows = await selectPayments(ctx.db)
    .where(and(eq(payments.appointmentId, appointmentId), paymentRows(ctx.scope)))
    .orderBy(desc(payments.createdAt), desc(payments.id));
  return { items: rows.map((r) => presentPayment(r, ctx.scope)), total: rows.length };
}
