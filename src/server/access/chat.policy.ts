import type { Config } from '../config.js';
import type { appointments } from '../db/schema/index.js';
import { userIdOf, type Scope } from './scope.js';

export interface ChatAccess {
  /** The patient or the doctor: may join the room. */
  participant: boolean;
  canRead: boolean;
  canWrite: boolean;
}

/**
 * The chat is the patient's and the doctor's. It is open from the request until some days after
 * the visit; a cancelled or rejected appointment's chat is read-only. Admins may read (audited).
 * The appointment itself was found through `appointmentRows`, so whoever asks may see it.
 */
export function chatAccess(a: typeof appointments.$inferSelect, scope: Scope, config: Config, now: Date): ChatAccess {
  const me = userIdOf(scope);
  const participant = me === a.patientId || me === a.doctorId;
  const open =
    a.status === 'cancelled' || a.status === 'rejected'
      ? false
      : a.status === 'completed'
        ? now.getTime() < (a.videoCallEndedAt ?? a.endsAt).getTime() + config.chat.openAfterMs
        : true;
  return { participant, canRead: true, canWrite: participant && open };
}
