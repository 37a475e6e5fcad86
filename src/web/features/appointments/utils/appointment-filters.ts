import type { Appointment } from '../../../../contracts/appointments.js';
import type { Me } from '../../../../contracts/auth.js';
import { AppointmentStatus } from '../../../../contracts/enums.js';
import type { Viewer } from '../../../entities/appointments/appointment-status.js';
import { addDaysToDate } from '../../../lib/datetime.js';

export const TABS = ['needs-action', 'upcoming', 'past', 'cancelled'] as const;
export type Tab = (typeof TABS)[number];

export const TAB_LABELS: Record<Tab, string> = {
  'needs-action': 'Needs action',
  upcoming: 'Upcoming',
  past: 'Past',
  cancelled: 'Cancelled',
};

/**
 * Which statuses each list holds, from the viewer's side:
 * - needs action: what waits for this person (the doctor: requests to answer; the patient:
 *   proposals to answer and visits to pay; staff: everything waiting for someone);
 * - upcoming: the rest of what still holds a time (agreed, or waiting for the other side);
 * - past: visits that took place;
 * - cancelled: rejected and cancelled ones, whatever their date.
 */
const TAB_STATUSES: Record<Tab, Record<Viewer, readonly AppointmentStatus[]>> = {
  'needs-action': { doctor: ['requested'], patient: ['pending', 'scheduled'], staff: ['requested', 'pending', 'scheduled'] },
  upcoming: {
    doctor: ['pending', 'scheduled', 'confirmed', 'in_progress'],
    patient: ['requested', 'confirmed', 'in_progress'],
    staff: ['confirmed', 'in_progress'],
  },
  past: { doctor: ['completed'], patient: ['completed'], staff: ['completed'] },
  cancelled: { doctor: ['rejected', 'cancelled'], patient: ['rejected', 'cancelled'], staff: ['rejected', 'cancelled'] },
};

export function tabStatuses(tab: Tab, viewer: Viewer): readonly AppointmentStatus[] {
  return TAB_STATUSES[tab][viewer];
}

/** The list's query: its statuses, soonest first for what is to come, latest first for the rest. */
export function tabQuery(tab: Tab, viewer: Viewer): { status: string; order: 'asc' | 'desc' } {
  return { status: tabStatuses(tab, viewer).join(','), order: tab === 'past' || tab === 'cancelled' ? 'desc' : 'asc' };
}

/** The tab in the URL, if it is one. */
export function parseTab(value: string | null): Tab | null {
  return (TABS as readonly string[]).includes(value ?? '') ? (value as Tab) : null;
}

/** Who looks at a list: its own side for the two parties, staff for admins. */
export function listViewer(role: Me['role']): Viewer {
  return role === 'patient' ? 'patient' : role === 'doctor' ? 'doctor' : 'staff';
}

/** A status filter from the URL, keeping only real statuses ("" means all). */
export function parseStatusFilter(value: string | null): string {
  if (!value) return '';
  return value
    .split(',')
    .filter((s) => AppointmentStatus.safeParse(s).success)
    .join(',');
}

export function viewerOf(me: Pick<Me, 'id'>, a: Pick<Appointment, 'patient' | 'doctor'>): Viewer {
  if (a.patient.id === me.id) return 'patient';
  if (a.doctor.id === me.id) return 'doctor';
  return 'staff';
}
