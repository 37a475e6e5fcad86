import type { Appointment } from '../../../../contracts/appointments.js';
import type { Me } from '../../../../contracts/auth.js';
import { AppointmentStatus } from '../../../../contracts/enums.js';
import { ACTIVE_STATUSES, FINISHED_STATUSES, type Viewer } from '../../../lib/appointment-status.js';
import { addDaysToDate } from '../../../lib/datetime.js';

export type Tab = 'upcoming' | 'past';

/** Upcoming: still in play, soonest first. Past: finished, latest first. */
export function tabQuery(tab: Tab): { status: string; order: 'asc' | 'desc' } {
  return tab === 'upcoming'
    ? { status: ACTIVE_STATUSES.join(','), order: 'asc' }
    : { status: FINISHED_STATUSES.join(','), order: 'desc' };
}

/** A status filter from the URL, keeping only real statuses ("" means all). */
export function parseStatusFilter(value: string | null): string {
  if (!value) return '';
  return value
    .split(',')
    .filter((s) => AppointmentStatus.safeParse(s).success)
    .join(',');
}

/**
 * A date range picked in the viewer's calendar ("from" and "to" both inclusive) as the API's
 * instants: from the start of `from` to the start of the day after `to`, in the viewer's zone.
 */
export function dateRangeQuery(from: string, to: string): { from?: string; to?: string } {
  const startOf = (date: string) => new Date(`${date}T00:00:00`).toISOString();
  return {
    from: from ? startOf(from) : undefined,
    to: to ? startOf(addDaysToDate(to, 1)) : undefined,
  };
}

export function viewerOf(me: Pick<Me, 'id'>, a: Pick<Appointment, 'patient' | 'doctor'>): Viewer {
  if (a.patient.id === me.id) return 'patient';
  if (a.doctor.id === me.id) return 'doctor';
  return 'staff';
}
