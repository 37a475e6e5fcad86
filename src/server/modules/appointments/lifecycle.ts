import { APPOINTMENT_ACTIONS, type AppointmentAction } from '../../../contracts/appointments.js';
import type { AppointmentStatus } from '../../../contracts/enums.js';

/** Who acts: the patient, the doctor, the hospital (its admins: they may cancel), or the system. */
export type Party = 'patient' | 'doctor' | 'hospital' | 'system';
export type SystemAction = 'confirm-free' | 'payment-received' | 'expire';
/** `request` opens the lifecycle: it is how an appointment comes to exist. */
export type Action = 'request' | AppointmentAction | SystemAction;

interface Transition {
  /** Empty for `request`: from nothing. */
  from: readonly AppointmentStatus[];
  to: AppointmentStatus;
  by: readonly Party[];
  /** How the other party hears of it. */
  notice: string;
}

/** The appointment lifecycle. Every status change goes through this table, and nothing else. */
export const TRANSITIONS: Record<Action, Transition> = {
  request: { from: [], to: 'requested', by: ['patient'], notice: 'requested an appointment' },
  approve: { from: ['requested'], to: 'scheduled', by: ['doctor'], notice: 'approved your appointment' },
  reject: { from: ['requested', 'pending'], to: 'rejected', by: ['doctor'], notice: 'declined your appointment request' },
  propose: { from: ['requested', 'pending'], to: 'pending', by: ['doctor'], notice: 'proposed another time' },
  'accept-proposal': { from: ['pending'], to: 'scheduled', by: ['patient'], notice: 'accepted the proposed time' },
  'decline-proposal': { from: ['pending'], to: 'cancelled', by: ['patient'], notice: 'declined the proposed time' },
  cancel: { from: ['requested', 'pending', 'scheduled', 'confirmed'], to: 'cancelled', by: ['patient', 'doctor', 'hospital'], notice: 'cancelled the appointment' },
  start: { from: ['confirmed'], to: 'in_progress', by: ['doctor'], notice: 'started the visit' },
  complete: { from: ['confirmed', 'in_progress'], to: 'completed', by: ['doctor'], notice: 'completed the visit' },
  'confirm-free': { from: ['scheduled'], to: 'confirmed', by: ['system'], notice: 'The appointment is confirmed' },
  'payment-received': { from: ['scheduled'], to: 'confirmed', by: ['system'], notice: 'Payment received: the appointment is confirmed' },
  expire: { from: ['requested', 'pending', 'scheduled'], to: 'cancelled', by: ['system'], notice: 'The appointment was cancelled automatically' },
};

/** A visit may start this long before its time, and be completed only once it has begun. */
export const START_EARLY_MS = 15 * 60_000;

export interface Timing {
  now: number;
  startsAt: number;
  cancelCutoffMs: number;
}

/** Why this party may not take this action now, or null when it may. */
export function refusal(action: Action, status: AppointmentStatus, party: Party, t: Timing): 'invalid_transition' | 'forbidden' | 'cancel_too_late' | 'too_early' | null {
  const rule = TRANSITIONS[action];
  if (!rule.by.includes(party)) return 'forbidden';
  if (!rule.from.includes(status)) return 'invalid_transition';
  if (action === 'cancel' && t.now > t.startsAt - t.cancelCutoffMs) return 'cancel_too_late';
  if (action === 'start' && t.now < t.startsAt - START_EARLY_MS) return 'too_early';
  if (action === 'complete' && t.now < t.startsAt) return 'too_early';
  return null;
}

/** What the viewer may do now: the buttons a page shows. */
export function availableActions(status: AppointmentStatus, party: Party | null, t: Timing): AppointmentAction[] {
  if (!party) return [];
  return APPOINTMENT_ACTIONS.filter((a) => refusal(a, status, party, t) === null);
}
