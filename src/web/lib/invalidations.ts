import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { queryKeys } from './query-keys.js';

/**
 * What each change makes stale, named once: a mutation or a live event says what changed, and
 * this lists every cached answer that shows it, whichever feature reads it.
 *
 * `…Saved` entries follow a change made here whose answer (the record itself) is already
 * stored with `setQueryData`: they list the other views. Changes learned of from elsewhere
 * (a live event, a refusal that means "it changed meanwhile") fetch the record too.
 */
export const invalidations = {
  /** A doctor was added or edited: name, profile, picture, "available", active. */
  doctorSaved: (doctorId: string): QueryKey[] => [
    queryKeys.doctors.lists,
    queryKeys.doctors.specializations,
    // Doctor counts.
    queryKeys.hospitals.all,
    // Not available (or inactive) means no free times.
    queryKeys.slots.doctor(doctorId),
    // A doctor's own name shows in the header.
    queryKeys.me,
  ],
  doctorChanged: (doctorId: string): QueryKey[] => [queryKeys.doctors.detail(doctorId), ...invalidations.doctorSaved(doctorId)],
  /** A patient was added or edited. */
  patientSaved: (): QueryKey[] => [queryKeys.patients.lists, queryKeys.hospitals.all, queryKeys.me],
  /** A hospital was added or edited (its name shows on sign-up and in everyone's header). */
  hospitalSaved: (): QueryKey[] => [queryKeys.hospitals.all, queryKeys.publicHospitals, queryKeys.me],
  hospitalAdminsSaved: (hospitalId: string): QueryKey[] => [queryKeys.hospitals.admins(hospitalId)],
  /** New hours mean other free times. */
  availabilitySaved: (doctorId: string): QueryKey[] => [queryKeys.slots.doctor(doctorId)],
  /** Booked, proposed, approved, cancelled…: lists, free times and notifications move (and cancelling a paid visit refunds it). */
  appointmentSaved: (): QueryKey[] => [queryKeys.appointments.lists, queryKeys.slots.all, queryKeys.notifications.all, queryKeys.payments.all],
  /** Someone else acted on an appointment (or a call ended): fetch what shows appointments. */
  appointmentChanged: (): QueryKey[] => [queryKeys.appointments.all],
  /** A doctor's free times changed (a booking elsewhere, new hours); all doctors when unknown. */
  freeTimesChanged: (doctorId?: string): QueryKey[] => [doctorId ? queryKeys.slots.doctor(doctorId) : queryKeys.slots.all],
  /** A payment moved on (paid, settled by Khalti, refunded, recorded at the desk): its appointment's state with it. */
  paymentChanged: (appointmentId: string): QueryKey[] => [queryKeys.payments.all, queryKeys.appointments.detail(appointmentId), queryKeys.appointments.lists],
  /** Read here or elsewhere; opening or acting on an appointment also marks its notifications read. */
  notificationsRead: (): QueryKey[] => [queryKeys.notifications.all],
  /** A notification arrived: it is about an appointment. */
  notificationArrived: (): QueryKey[] => [queryKeys.notifications.all, queryKeys.appointments.all],
  /** Unread chat counts changed and the held ones cannot be patched in place. */
  chatUnreadChanged: (): QueryKey[] => [queryKeys.chat.unread],
  /** One's own account changed (an address confirmed): what the header and guards read. */
  accountChanged: (): QueryKey[] => [queryKeys.me],
  /** One's second factor was set up, turned off or given new recovery codes. */
  twoFactorChanged: (): QueryKey[] => [queryKeys.twoFactor, queryKeys.me],
  /** An admin reset someone's second factor: the lists and records that show it. */
  secondFactorReset: (): QueryKey[] => [queryKeys.doctors.all, queryKeys.patients.all, queryKeys.hospitals.all],
  /** The server ended a socket's session, or reconnecting keeps failing: is anyone still signed in? */
  sessionInDoubt: (): QueryKey[] => [queryKeys.me],
  /** The live connection came back: events may have been missed meanwhile. */
  liveUpdatesResumed: (): QueryKey[] => [
    queryKeys.notifications.all,
    queryKeys.appointments.all,
    queryKeys.chat.unread,
    queryKeys.slots.all,
    queryKeys.payments.all,
  ],
};

/** Marks these answers stale; the ones on screen are fetched again. */
export function invalidate(queryClient: QueryClient, keys: readonly QueryKey[]) {
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
