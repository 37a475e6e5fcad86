import type { AppointmentDetail } from '../../../contracts/appointments.js';
import type { AppointmentStatus } from '../../../contracts/enums.js';
import { doctorName, personName } from '../../../contracts/people.js';

const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** RFC 5545 folds lines longer than 75 octets; continuation lines start with a space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--; // never split a character
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}

/** The event's STATUS: tentative until the visit is confirmed (paid), cancelled once it is off. */
const STATUS: Record<AppointmentStatus, 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'> = {
  requested: 'TENTATIVE',
  pending: 'TENTATIVE',
  scheduled: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  in_progress: 'CONFIRMED',
  completed: 'CONFIRMED',
  rejected: 'CANCELLED',
  cancelled: 'CANCELLED',
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
 * One appointment as an iCalendar file. It names the people and the hospital, never the symptoms.
 * STATUS follows the appointment and SEQUENCE grows with each of its changes (its history), so a
 * calendar that imports the file again replaces the old copy of the event.
 */
export function appointmentIcs(a: AppointmentDetail, viewer: 'patient' | 'doctor' | 'staff', appUrl: string): string {
  const summary = viewer === 'doctor' ? `Video visit: ${personName(a.patient)}` : `Video visit with ${doctorName(a.doctor)}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Telemedicine Platform//Appointments//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${a.id}@telemedicine`,
    `SEQUENCE:${Math.max(0, a.events.length - 1)}`,
    `DTSTAMP:${stamp(new Date().toISOString())}`,
    `DTSTART:${stamp(a.startsAt)}`,
    `DTEND:${stamp(a.endsAt)}`,
    `SUMMARY:${escape(summary)}`,
    `DESCRIPTION:${escape(description(a, appUrl))}`,
    `LOCATION:${escape(`${a.hospitalName} (online)`)}`,
    `URL:${appUrl}`,
    `STATUS:${STATUS[a.status]}`,
    `LAST-MODIFIED:${stamp(a.updatedAt)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
