import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { PaymentExportQuery, PaymentTotals } from '../../../contracts/payments.js';
import { inScope } from '../../access/scope.js';
import type { ActorCtx } from '../../context.js';
import { hospitals, payments, refunds } from '../../db/schema/index.js';
import { audit } from '../audit/audit.js';
import { paymentFilters, presentPayment, selectPayments } from './payments.queries.js';
import { withFields } from '../../fields.js';

export const EXPORT_MAX_ROWS = 10_000;

const COLUMNS = [
  'payment_id', 'created_at', 'paid_at', 'status', 'problem', 'provider', 'test', 'amount_paisa', 'amount_rupees',
  'transaction_id', 'pidx', 'appointment_id', 'appointment_starts_at', 'patient', 'recorded_by',
  'refund_status', 'refund_amount_paisa', 'refund_reason', 'refunded_at', 'hospital',
] as const;

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const rupeeAmount = (paisa: number) => `${Math.floor(paisa / 100)}.${String(paisa % 100).padStart(2, '0')}`;

/** The admins' payments as CSV (UTF-8, CRLF lines, RFC 4180), with the list's filters; audited. */
export async function exportPayments(ctx: ActorCtx, q: PaymentExportQuery): Promise<string> {
  const rows = await selectPayments(ctx.db)
    .where(paymentFilters(ctx.scope, q))
    .orderBy(q.order === 'asc' ? asc(payments.createdAt) : desc(payments.createdAt), desc(payments.id))
    .limit(EXPORT_MAX_ROWS);
  await audit(ctx.db, ctx, { action: 'payment.exported', hospitalId: ctx.actor.hospitalId ?? q.hospitalId ?? null, details: { count: rows.length } });
  const lines = rows.map((row) => {
    const p = presentPayment(row, ctx.scope);
    const name = (x: { firstName: string; lastName: string } | null) => (x ? `${x.firstName} ${x.lastName}`.trim() : null);
    return [
      p.id, p.createdAt, p.paidAt, p.status, p.problem, p.provider, p.test, p.amount, rupeeAmount(p.amount),
      p.transactionId, p.pidx, p.appointmentId, p.appointmentStartsAt, name(p.patient), name(p.recordedBy),
      p.refund?.status ?? null, p.refund?.amount ?? null, p.refund?.reason ?? null, p.refund?.refundedAt ?? null, p.hospitalName,
    ].map(cell).join(',');
  });
  return `${[COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

const total = (expr: ReturnType<typeof sql>) => sql<number>`coalesce(${expr}, 0)`.mapWith(Number);

/**
 * Money per hospital the scope may see (the super admin: every hospital; an admin: their own):
 * what was paid (by the date it was paid), refunded, still to refund, and what remains.
 */
export async function paymentTotals(ctx: ActorCtx, q: { from?: string; to?: string }): Promise<PaymentTotals> {
  const when = sql`coalesce(${payments.paidAt}, ${payments.createdAt})`;
  const inRange = and(eq(payments.hospitalId, hospitals.id), q.from ? gte(when, new Date(q.from)) : undefined, q.to ? lt(when, new Date(q.to)) : undefined);
  const paid = sql`${payments.paidAt} is not null`;
  const refunded = sql`${refunds.status} = 'succeeded'`;
  const rows = await ctx.db
    .select({
      hospitalId: hospitals.id,
      hospitalName: hospitals.name,
      paidCount: total(sql`count(${payments.id}) filter (where ${paid})`),
      paidAmount: total(sql`sum(${payments.amount}) filter (where ${paid})`),
      onlineAmount: total(sql`sum(${payments.amount}) filter (where ${paid} and ${payments.provider} = 'khalti')`),
      deskAmount: total(sql`sum(${payments.amount}) filter (where ${paid} and ${payments.provider} = 'desk')`),
      refundedCount: total(sql`count(${refunds.id}) filter (where ${refunded})`),
      refundedAmount: total(sql`sum(${refunds.amount}) filter (where ${refunded})`),
      refundsOutstanding: total(sql`sum(${refunds.amount}) filter (where ${refunds.status} in ('pending', 'at_desk'))`),
      reviewCount: total(sql`count(${payments.id}) filter (where ${payments.status} in ('review', 'partially_refunded'))`),
    })
    .from(hospitals)
    .leftJoin(payments, inRange)
    .leftJoin(refunds, eq(refunds.paymentId, payments.id))
    .where(inScope(ctx.scope, hospitals.id))
    .groupBy(hospitals.id, hospitals.name)
    .orderBy(asc(hospitals.name));
  const items = rows.map((r) => withFields(r, { netAmount: r.paidAmount - r.refundedAmount }));
  return { items, total: items.length };
}
