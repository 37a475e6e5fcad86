import { inArray } from 'drizzle-orm';
import type { AppointmentStatus } from '../../../contracts/enums.js';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { outgoingMail, type MailAttachment } from '../../db/schema/index.js';
import { compose, type MailParts } from './compose.js';

export interface NewMail {
  /** What it is about, for the record: `password_reset`, `visit_reminder` … */
  kind: string;
  to: { id: string | null; email: string };
  hospitalId: string | null;
  subject: string;
  parts: MailParts;
  attachments?: MailAttachment[];
  /** A mail that must go once, however often or by however many instances it is queued. */
  dedupeKey?: string;
  appointmentId?: string;
  /** Send only while the visit still has this status and start (see the worker). */
  visit?: { status: AppointmentStatus; startsAt: Date };
}

/** Whether this installation sends mail at all (SMTP, or the development log). */
export const sendsMail = (config: Config) => config.mail.delivery !== 'off';

/**
 * Queues a mail in the caller's transaction, so it leaves only if what it tells about was
 * committed. Returns false when mail is off or a mail with its dedupe key was queued already.
 */
export async function queueMail(tx: Tx, config: Config, mail: NewMail, now: Date): Promise<boolean> {
  if (!sendsMail(config)) return false;
  const { text, html } = compose(mail.parts);
  const rows = await tx
    .insert(outgoingMail)
    .values({
      kind: mail.kind,
      recipientId: mail.to.id,
      hospitalId: mail.hospitalId,
      toAddress: mail.to.email,
      subject: mail.subject,
      textBody: text,
      htmlBody: html,
      attachments: mail.attachments ?? [],
      dedupeKey: mail.dedupeKey ?? null,
      appointmentId: mail.appointmentId ?? null,
      visitStatus: mail.visit?.status ?? null,
      visitStartsAt: mail.visit?.startsAt ?? null,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: outgoingMail.dedupeKey })
    .returning({ id: outgoingMail.id });
  return rows.length > 0;
}

/** Of these dedupe keys, the ones already queued (so the scheduler does not render those mails again). */
export async function queuedKeys(tx: Tx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.select({ key: outgoingMail.dedupeKey }).from(outgoingMail).where(inArray(outgoingMail.dedupeKey, keys));
  return new Set(rows.map((r) => r.key!));
}
