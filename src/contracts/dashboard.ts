import { z } from 'zod';
import { Appointment, HOLDING_STATUSES } from './appointments.js';
import { UnreadCounts } from './chat.js';
import { listOf } from './common.js';
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
