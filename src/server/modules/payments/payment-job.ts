import { and, asc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { systemCtx, type Ctx } from '../../context.js';
import { runEvery } from '../../periodic.js';
import { payments, refunds } from '../../db/schema/index.js';
import { processRefund } from './refunds.service.js';
import { abandonUnstarted, settlePayment } from './settle-payment.service.js';

const BATCH = 50;
/** An instance that takes an order to look up holds it this long (another instance skips it meanwhile). */
const LEASE_MS = 60_000;
/** An order stored but never started (the server stopped before Khalti answered) is closed after this long. */
const NEVER_STARTED_MS = 5 * 60_000;

export interface JobRun {
  checked: number;
  refunds: number;
  abandoned: number;
}

/**
 * KPG-2 has no webhook: open orders (Initiated, Pending) are looked up again until they settle
 * or expire, and queued refunds are made. Every instance may run it at once: each order is
 * claimed by moving its next check on (only one instance's update matches), and settled under
 * its row lock with its status re-read, like the appointment sweep.
 */
export async function runPaymentJob(ctx: Ctx): Promise<JobRun> {
  const now = ctx.clock.now();
  const run: JobRun = { checked: 0, refunds: 0, abandoned: 0 };
  const unstarted = await ctx.db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.status, 'created'), lt(payments.createdAt, new Date(now.getTime() - NEVER_STARTED_MS))))
    .limit(BATCH);
  for (const { id } of unstarted) await abandonUnstarted(ctx, id);
  run.abandoned = unstarted.length;

  const due = await ctx.db
    .select({ id: payments.id, nextCheckAt: payments.nextCheckAt })
    .from(payments)
    .where(and(inArray(payments.status, ['initiated', 'pending']), lte(payments.nextCheckAt, now)))
    .orderBy(asc(payments.nextCheckAt))
    .limit(BATCH);
  for (const order of due) {
    const [claimed] = await ctx.db
      .update(payments)
      .set({ nextCheckAt: new Date(now.getTime() + LEASE_MS) })
      .where(and(eq(payments.id, order.id), eq(payments.nextCheckAt, order.nextCheckAt!)))
      .returning({ id: payments.id });
    if (!claimed) continue;
    await settlePayment(ctx, order.id);
    run.checked++;
  }

  const owed = await ctx.db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.status, 'pending'), lte(refunds.nextAttemptAt, now), or(isNull(refunds.claimedUntil), lt(refunds.claimedUntil, now))))
    .orderBy(asc(refunds.nextAttemptAt))
    .limit(BATCH);
  for (const { id } of owed) if (await processRefund(ctx, id)) run.refunds++;
  return run;
}

/** Runs the job every `PAYMENT_CHECK_SECONDS` on this instance (0: never). */
export function startPaymentJob(app: FastifyInstance) {
  if (app.config.payments.mode === 'off') return;
  runEvery(app, app.config.payments.checkMs, () =>
    runPaymentJob(systemCtx(app, 'the payment job settles open Khalti orders and makes queued refunds, in every hospital'))
      .then((r) => (r.checked || r.refunds || r.abandoned) && app.log.info(r, 'payment job'))
      .catch((err) => app.log.error({ err }, 'payment job failed')),
  );
}
