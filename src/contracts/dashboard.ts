import { z } from 'zod';
import { Appointment, HOLDING_STATUSES } from './appointments.js';
import { AvailabilityView } from './availability.js';
import { UnreadCounts } from './chat.js';
import { IsoDateTime, listOf } from './common.js';
import { DoctorView } from './doctors.js';
import { NOTIFICATION_PANEL, NotificationList } from './notifications.js';
import { Patient } from './patients.js';

/**
 * What a patient's dashboard shows, asked for by the panels' own queries: the server answers them
 * together (GET /api/dashboard) and the browser files each answer under its panel's query.
 */
export const PATIENT_DASHBOARD = {
  /** The next visits: every appointment that still holds time, soonest first. */
  upcoming: { status: HOLDING_STATUSES, order: 'asc', limit: 5, offset: 0 },
  /** The header's notification panel. */
  notifications: NOTIFICATION_PANEL,
} as const;

export const PatientDashboard = z.object({
  patient: Patient,
  upcoming: listOf(Appointment),
  notifications: NotificationList,
  chatUnread: UnreadCounts,
});
export type PatientDashboard = z.infer<typeof PatientDashboard>;

/**
 * What a doctor's dashboard shows, the same way (GET /api/dashboard/doctor): the requests to
 * answer, the day's visits (the day is the viewer's, so the browser names its bounds), the
 * doctor's record and hours, and the header's panels.
 */
export const DOCTOR_DASHBOARD = {
  requests: { status: ['requested'], order: 'asc', limit: 5, offset: 0 },
  /** The day's visits: those that hold time and those done. */
  today: { status: [...HOLDING_STATUSES, 'completed'], order: 'asc', limit: 50, offset: 0 },
  notifications: NOTIFICATION_PANEL,
} as const;

/** The bounds of the viewer's day, as the schedule panel asks for it. */
export const DoctorDashboardQuery = z
  .object({ from: IsoDateTime, to: IsoDateTime })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to) && Date.parse(q.to) - Date.parse(q.from) <= 26 * 3_600_000, {
    message: 'from and to bound one day',
    path: ['to'],
  });

export const DoctorDashboard = z.object({
  doctor: DoctorView,
  availability: AvailabilityView,
  requests: listOf(Appointment),
  today: listOf(Appointment),
  notifications: NotificationList,
  chatUnread: UnreadCounts,
});
export type DoctorDashboard = z.infer<typeof DoctorDashboard>;
