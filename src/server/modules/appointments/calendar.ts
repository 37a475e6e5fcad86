import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { AppointmentDetail } from '../../../contracts/appointments.js';
import type { AppointmentStatus } from '../../../contracts/enums.js';
import { doctorName, personName } from '../../../contracts/people.js';

/** The event's STATUS: tentative until the visit is confirmed (paid), cancelled once it is off. */
const STATUS: Record<AppointmentStatus, ICalEventStatus> = {
  requested: ICalEventStatus.TENTATIVE,
  pending: ICalEventStatus.TENTATIVE,
  scheduled: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  in_progress: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  rejected: ICalEventStatus.CANCELLED,
  cancelled: ICalEventStatus.CANCELLED,
};

/** Integer paisa as "Rs 1,500.00", without floats. */
const rupees = (paisa: number) => `Rs ${Math.floor(paisa / 100).toLocaleString('en-US')}.${String(paisa % 100).padStart(2, '0')}`;

/** "24 Nov 2025, 14:00 (Asia/Kathmandu)": a deadline in the hospital's own time. */
const hospitalTime = (iso: string, timeZone: string) =>
  `${new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))} (${timeZone})`;

/** What the visit's state means for the reader: only what a calendar needs, never medical details. */
function description(a: AppointmentDetail, link: string): string {
  const visit = `Online consultation at ${a.hospitalName} (${a.doctor.specialization}).`;
  switch (a.status) {
    case 'requested':
    case 'pending':
      return `${visit} The time is not agreed yet. See the appointment page: ${link}`;
    case 'scheduled': {
      const due = a.paymentDueAt ? ` by ${hospitalTime(a.paymentDueAt, a.timezone)}` : ' before the visit';
      return `${visit} The time is agreed; the fee of ${rupees(a.fee)} is due${due}. Unpaid by then, the visit is cancelled automatically. Pay from the appointment page: ${link}`;
    }
    case 'confirmed':
    case 'in_progress':
      return `${visit} Join from the appointment page: ${link}`;
    case 'completed':
      return `${visit} The visit is over. The appointment page: ${link}`;
    case 'rejected':
      return `${visit} The request was declined; this visit will not take place. The appointment page: ${link}`;
    case 'cancelled':
      return `${visit} This visit was cancelled and will not take place. The appointment page: ${link}`;
  }
}

/**
 * One appointment as an iCalendar file (written by ical-generator, which escapes and folds the
 * lines). It names the people and the hospital, never the symptoms. STATUS follows the
 * appointment and SEQUENCE grows with each of its changes (its history), so a calendar that
 * imports the file again replaces the old copy of the event.
 */
export function appointmentIcs(
  a: AppointmentDetail,
  viewer: 'patient' | 'doctor' | 'staff',
  appUrl: string,
  now: Date,
): string {
  const calendar = ical({
    prodId: { company: 'Telemedicine Platform', product: 'Appointments', language: 'EN' },
    scale: 'GREGORIAN',
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `${a.id}@telemedicine`,
    sequence: Math.max(0, a.events.length - 1),
    stamp: now,
    start: new Date(a.startsAt),
    end: new Date(a.endsAt),
    summary: viewer === 'doctor' ? `Video visit: ${personName(a.patient)}` : `Video visit with ${doctorName(a.doctor)}`,
    description: description(a, appUrl),
    location: `${a.hospitalName} (online)`,
    url: appUrl,
    status: STATUS[a.status],
    lastModified: new Date(a.updatedAt),
  });
  // RFC 5545 ends every content line, the last one too, with CRLF.
  return `${calendar.toString()}\r\n`;
}
