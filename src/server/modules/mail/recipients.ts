import { eq, inArray } from 'drizzle-orm';
import type { MailTopic } from '../../../contracts/mail.js';
import type { Role } from '../../../contracts/enums.js';
import { personName } from '../../../contracts/people.js';
import type { Tx } from '../../db/client.js';
import { hospitals, mailPreferences, users } from '../../db/schema/index.js';
import { PLATFORM_NAME } from './compose.js';
import { queuedKeys } from './queue.js';

export interface Recipient {
  id: string;
  email: string;
  role: Role;
  /** "Maya", "Dr Adhikari": how a mail greets them. */
  shortName: string;
  hospitalId: string | null;
  /** Whom the mail is from: their hospital, or the platform. */
  from: string;
  /** The zone their times are written in: their own choice, else their hospital's. */
  timeZone: string;
  isActive: boolean;
  wants: Record<MailTopic, boolean>;
}

const everything: Record<MailTopic, boolean> = { reminders: true, appointmentUpdates: true, cancellations: true, paymentDue: true, chatMessages: true };

/** The people mail goes to, with what they chose (no preferences row: everything). */
export async function recipients(tx: Tx, ids: string[]): Promise<Map<string, Recipient>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ user: users, hospitalName: hospitals.name, hospitalZone: hospitals.timezone, prefs: mailPreferences })
    .from(users)
    .leftJoin(hospitals, eq(hospitals.id, users.hospitalId))
    .leftJoin(mailPreferences, eq(mailPreferences.userId, users.id))
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(
    rows.map(({ user: u, hospitalName, hospitalZone, prefs }) => [
      u.id,
      {
        id: u.id,
        email: u.email,
        role: u.role,
        shortName: personName(u, u.role, { short: true }),
        hospitalId: u.hospitalId,
        from: hospitalName ?? PLATFORM_NAME,
        timeZone: prefs?.timeZone ?? hospitalZone ?? 'UTC',
        isActive: u.isActive,
        wants: prefs
          ? { reminders: prefs.reminders, appointmentUpdates: prefs.appointmentUpdates, cancellations: prefs.cancellations, paymentDue: prefs.paymentDue, chatMessages: prefs.chatMessages }
          : everything,
      },
    ]),
  );
}

export async function recipient(tx: Tx, id: string): Promise<Recipient | undefined> {
  return (await recipients(tx, [id])).get(id);
}

/**
 * Of the mails due (each with its dedupe key and recipient), those not queued yet whose recipient
 * is active and wants this topic, each with its recipient: the step every scheduled mail shares.
 */
export async function stillToSend<T extends { key: string; recipientId: string }>(tx: Tx, due: T[], topic: MailTopic): Promise<(T & { to: Recipient })[]> {
  const done = await queuedKeys(tx, due.map((d) => d.key));
  const todo = due.filter((d) => !done.has(d.key));
  const people = await recipients(tx, todo.map((d) => d.recipientId));
  return todo.flatMap((d) => {
    const to = people.get(d.recipientId);
    return to?.isActive && to.wants[topic] ? [{ ...d, to }] : [];
  });
}
