import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { appointments, outgoingMail } from '../../db/schema/index.js';
import { sendFailure, type MailTransport } from './transport.js';

const BATCH = 20;
/** An instance that takes a mail holds it this long; one that died meanwhile leaves it to another. Longer than any send may take. */
const CLAIM_MS = 2 * 60_000;
/** After this many failed attempts (about six hours of them) a mail is given up, and the failure stays on record. */
export const MAX_ATTEMPTS = 12;
/** 30 s after the first failure, then twice as long each time, at most an hour. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);

export interface MailRun {
  sent: number;
  failed: number;
  dropped: number;
}

type Row = typeof outgoingMail.$inferSelect;

/** A sent or abandoned mail keeps its envelope (who, what, when), not its body: links such as a reset token must not outlive it. */
const erased = { textBody: null, htmlBody: null, attachments: [], claimedUntil: null };

/**
 * Claims due mail and sends it. Every instance runs this: rows are claimed in a short
 * transaction under FOR UPDATE SKIP LOCKED (two instances never take the same row), marked
 * `sending` with a claim that expires, and sent outside any transaction. A failure puts the
 * mail back with a later attempt (exponential backoff); nothing is lost while the mail server
 * is down, and nothing is sent twice (a row is marked sent, and only by the claim that sent it).
 */
export async function runMailWorker(ctx: Ctx, transport: MailTransport): Promise<MailRun> {
  const run: MailRun = { sent: 0, failed: 0, dropped: 0 };
  for (;;) {
    const claimed = await claim(ctx);
    for (const row of claimed) {
      const outcome = await deliver(ctx, transport, row);
      run[outcome]++;
    }
    if (claimed.length < BATCH) return run;
  }
}

async function claim(ctx: Ctx): Promise<Row[]> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outgoingMail.id })
      .from(outgoingMail)
      .where(
        and(
          inArray(outgoingMail.status, ['queued', 'sending']),
          lte(outgoingMail.nextAttemptAt, now),
          or(isNull(outgoingMail.claimedUntil), lt(outgoingMail.claimedUntil, now)),
        ),
      )
      .orderBy(asc(outgoingMail.nextAttemptAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outgoingMail)
      .set({ status: 'sending', claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${outgoingMail.attempts} + 1` })
      .where(inArray(outgoingMail.id, due.map((d) => d.id)))
      .returning();
  });
}

/** Only the claim that took a row may settle it. */
const mine = (row: Row) => and(eq(outgoingMail.id, row.id), eq(outgoingMail.status, 'sending'), eq(outgoingMail.claimedUntil, row.claimedUntil!));

async function deliver(ctx: Ctx, transport: MailTransport, row: Row): Promise<keyof MailRun> {
  if (await visitChanged(ctx, row)) {
    await ctx.db.update(outgoingMail).set({ status: 'dropped', ...erased }).where(mine(row));
    return 'dropped';
  }
  try {
    await transport.send({ id: row.id, to: row.toAddress, subject: row.subject, text: row.textBody ?? '', html: row.htmlBody ?? '', attachments: row.attachments });
  } catch (err) {
    const failure = sendFailure(err);
    const last = row.attempts >= MAX_ATTEMPTS;
    const at = ctx.clock.now();
    await ctx.db
      .update(outgoingMail)
      .set(last ? { status: 'failed', lastError: failure.summary, ...erased } : { status: 'queued', lastError: failure.summary, claimedUntil: null, nextAttemptAt: new Date(at.getTime() + backoffMs(row.attempts)) })
      .where(mine(row));
    // The reply's code only: a server's text may quote the recipient's address.
    ctx.log.warn({ mailId: row.id, kind: row.kind, attempt: row.attempts, error: failure.summary, givenUp: last }, last ? 'mail could not be sent: given up' : 'mail could not be sent: it will be retried');
    return 'failed';
  }
  await ctx.db.update(outgoingMail).set({ status: 'sent', sentAt: ctx.clock.now(), lastError: null, ...erased }).where(mine(row));
  return 'sent';
}

/** A reminder or a payment warning whose visit was called off, paid or moved meanwhile (a moved visit has reminders of its own). */
async function visitChanged(ctx: Ctx, row: Row): Promise<boolean> {
  if (!row.appointmentId || !row.visitStatus) return false;
  const [a] = await ctx.db.select({ status: appointments.status, startsAt: appointments.startsAt }).from(appointments).where(eq(appointments.id, row.appointmentId));
  return !a || a.status !== row.visitStatus || (row.visitStartsAt !== null && a.startsAt.getTime() !== row.visitStartsAt.getTime());
}
