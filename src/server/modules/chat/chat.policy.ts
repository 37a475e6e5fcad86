import type { Config } from '../../config.js';
import type { Actor } from '../accounts/sessions.js';
import type { appointments } from '../../db/schema/index.js';

export interface ChatAccess {
  /** The patient or the doctor: may join the room. */
  participant: boolean;
  canRead: boolean;
  canWrite: boolean;
}

/**
 * The chat is the patient's and the doctor's. It is open from the request until some days after
 * the visit; a cancelled or rejected appointment's chat is read-only. Admins may read (audited).
 */
export function chatAccess(a: typeof appointments.$inferSelect, actor: Actor, config: Config, now: Date): ChatAccess {
  const participant = actor.userId === a.patientId || actor.userId === a.doctorId;
  const open =
    a.status === 'cancelled' || a.status === 'rejected'
      ? false
      : a.status === 'completed'
        ? now.getTime() < (a.callEndedAt ?? a.endsAt).getTime() + config.chat.openAfterMs
        : true;
  return { participant, canRead: true, canWrite: participant && open };
}
