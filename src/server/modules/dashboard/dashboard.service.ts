import { DOCTOR_DASHBOARD, PATIENT_DASHBOARD, type DoctorDashboard, type PatientDashboard } from '../../../contracts/dashboard.js';
import type { ActorCtx } from '../../context.js';
import { listAppointments } from '../appointments/appointments.service.js';
import { loadAvailability } from '../availability/availability.service.js';
import { getDoctor } from '../doctors/doctors.service.js';
import { unreadCounts } from '../chat/chat.service.js';
import { listNotifications } from '../notifications/notifications.service.js';
import { getPatient } from '../patients/patients.service.js';

/**
 * A patient's dashboard in one request instead of four: the same services the panels' own calls
 * use, with the same scope, run side by side. Each call paid its own session lookup, headers and
 * round trip.
 */
export async function patientDashboard(ctx: ActorCtx): Promise<PatientDashboard> {
  const { upcoming, notifications } = PATIENT_DASHBOARD;
  const [patient, list, inbox, chatUnread] = await Promise.all([
    getPatient(ctx, ctx.actor.userId),
    listAppointments(ctx, { ...upcoming, status: [...upcoming.status] }),
    listNotifications(ctx, notifications),
    unreadCounts(ctx),
  ]);
  return { patient, upcoming: list, notifications: inbox, chatUnread };
}

/** A doctor's dashboard in one request instead of six, the same way; `day` bounds the viewer's day. */
export async function doctorDashboard(ctx: ActorCtx, day: { from: string; to: string }): Promise<DoctorDashboard> {
  const { requests, today, notifications } = DOCTOR_DASHBOARD;
  const id = ctx.actor.userId;
  const [doctor, availability, asked, booked, inbox, chatUnread] = await Promise.all([
    getDoctor(ctx, id),
    // Their own hours: `getDoctor` beside it checks the doctor as the route would.
    loadAvailability(ctx.db, id),
    listAppointments(ctx, { ...requests, status: [...requests.status] }),
    listAppointments(ctx, { ...today, status: [...today.status], ...day }),
    listNotifications(ctx, notifications),
    unreadCounts(ctx),
  ]);
  return { doctor, availability, requests: asked, today: booked, notifications: inbox, chatUnread };
}
