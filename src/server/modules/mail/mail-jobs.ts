import { and, count, inArray, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { systemCtx, type Ctx } from '../../context.js';
import { outgoingMail } from '../../db/schema/index.js';
import { registerMailQueueDepth } from '../../metrics/metrics.js';
import { runEvery } from '../../periodic.js';
import { queueChatDigests } from './chat-digest.js';
import { queuePaymentWarnings, queueReminders } from './reminders.js';
import { mailTransport } from './transport.js';
import { runMailWorker, type MailRun } from './worker.js';

/** Sent, failed and dropped mail is kept this long (its envelope only), then removed. */
const KEEP_MS = 30 * 86_400_000;

export interface MailJobs {
  /** Sends what is due now (the worker's round). */
  deliver(): Promise<MailRun>;
  /** Queues the reminders and notices that are due now (the scheduler's round). */
  schedule(): Promise<{ reminders: number; paymentWarnings: number; chatDigests: number }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    mail: MailJobs;
  }
}

export async function runMailScheduler(ctx: Ctx) {
  const reminders = await queueReminders(ctx);
  const paymentWarnings = await queuePaymentWarnings(ctx);
  const chatDigests = await queueChatDigests(ctx);
  await ctx.db
    .delete(outgoingMail)
    .where(and(inArray(outgoingMail.status, ['sent', 'failed', 'dropped']), lt(outgoingMail.createdAt, new Date(ctx.clock.now().getTime() - KEEP_MS))));
  return { reminders, paymentWarnings, chatDigests };
}

/**
 * Mail on this instance: the worker that sends the queue and the scheduler that fills it with
 * reminders and notices. Every instance runs both (claims and unique keys keep them apart).
 */
export function startMail(app: FastifyInstance) {
  const { mail } = app.config;
  const transport = mailTransport(app.config, app.log);
  const ctx = () => systemCtx(app, 'mail is sent and scheduled for every hospital');
  if (mail.delivery === 'off')
    app.log.warn('SMTP_URL is not set: no mail is sent. Password reset by mail, email confirmation, welcome links, visit reminders and mailed notices are off.');
  const jobs: MailJobs = {
    deliver: async () => (transport ? runMailWorker(ctx(), transport) : { sent: 0, failed: 0, dropped: 0 }),
    schedule: async () => (transport ? runMailScheduler(ctx()) : { reminders: 0, paymentWarnings: 0, chatDigests: 0 }),
  };
  app.decorate('mail', jobs);
  app.addHook('onClose', async () => transport?.close());
  registerMailQueueDepth(app.metrics, async () => {
    const [row] = await app.db.select({ n: count() }).from(outgoingMail).where(inArray(outgoingMail.status, ['queued', 'sending']));
    return row?.n ?? 0;
  });
  const logged = (name: string, work: () => Promise<unknown>) => () => work().catch((err) => app.log.error({ err }, `${name} failed`));
  runEvery(app, mail.pollMs, logged('mail worker', async () => {
    const run = await jobs.deliver();
    if (run.sent || run.failed || run.dropped) app.log.info(run, 'mail worker');
  }));
  runEvery(app, mail.scheduleMs, logged('mail scheduler', jobs.schedule));
}
