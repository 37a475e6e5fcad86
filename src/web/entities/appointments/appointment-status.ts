import { HOLDING_STATUSES } from '../../../contracts/appointments.js';
import type { AppointmentStatus } from '../../../contracts/enums.js';

/** Who is looking: the two parties read different next steps; staff read what is happening. */
export type Viewer = 'patient' | 'doctor' | 'staff';

type Tone = 'green' | 'grey' | 'amber' | 'blue' | 'red';

interface StatusInfo {
  label: string;
  tone: Tone;
  explain: Record<Viewer, string>;
}

/**
 * Every appointment status as people read it: a badge and one line saying what it means and
 * what happens next. Shared by every page that lists or shows appointments.
 */
export const appointmentStatus: Record<AppointmentStatus, StatusInfo> = {
  requested: {
    label: 'Requested',
    tone: 'amber',
    explain: {
      patient: 'Waiting for the doctor to approve the time, propose another or decline.',
      doctor: 'The patient asked for this time: approve it, propose another time or reject it.',
      staff: 'Waiting for the doctor to answer the request.',
    },
  },
  pending: {
    label: 'New time proposed',
    tone: 'amber',
    explain: {
      patient: 'The doctor proposed another time: accept it or decline it.',
      doctor: 'You proposed another time; waiting for the patient to accept it.',
      staff: 'The doctor proposed another time; waiting for the patient.',
    },
  },
  scheduled: {
    label: 'Scheduled',
    tone: 'blue',
    explain: {
      patient: 'The time is agreed. Pay the fee by the due time to confirm the visit.',
      doctor: 'The time is agreed; waiting for the patient to pay the fee.',
      staff: 'The time is agreed; waiting for the patient to pay the fee.',
    },
  },
  confirmed: {
    label: 'Confirmed',
    tone: 'green',
    explain: {
      patient: 'Confirmed. The visit takes place online at the time shown.',
      doctor: 'Confirmed. Start the visit when it is time.',
      staff: 'Confirmed and paid.',
    },
  },
  in_progress: {
    label: 'In progress',
    tone: 'green',
    explain: {
      patient: 'The visit is under way.',
      doctor: 'The visit is under way. Complete it with your notes when you finish.',
      staff: 'The visit is under way.',
    },
  },
  completed: {
    label: 'Completed',
    tone: 'grey',
    explain: {
      patient: 'The visit is over. The doctor’s notes are below.',
      doctor: 'The visit is over.',
      staff: 'The visit is over.',
    },
  },
  rejected: {
    label: 'Rejected',
    tone: 'red',
    explain: {
      patient: 'The doctor declined this request. You can book another time.',
      doctor: 'You declined this request.',
      staff: 'The doctor declined this request.',
    },
  },
  cancelled: {
    label: 'Cancelled',
    tone: 'red',
    explain: {
      patient: 'This appointment was cancelled and its time released.',
      doctor: 'This appointment was cancelled and its time released.',
      staff: 'This appointment was cancelled.',
    },
  },
};

/** Appointments still in play (the ones that hold a time), and the finished ones. */
export const ACTIVE_STATUSES = HOLDING_STATUSES;
export const FINISHED_STATUSES = ['completed', 'rejected', 'cancelled'] as const satisfies readonly AppointmentStatus[];

/** Statuses whose time is agreed between the two: the visit can go in a calendar. */
export const AGREED_STATUSES = ['scheduled', 'confirmed', 'in_progress', 'completed'] as const satisfies readonly AppointmentStatus[];
export const isTimeAgreed = (status: AppointmentStatus) => (AGREED_STATUSES as readonly AppointmentStatus[]).includes(status);
