import type { Appointment } from '../../../contracts/appointments.js';

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

const STATUS: Partial<Record<Appointment['status'], string>> = { cancelled: 'CANCELLED', rejected: 'CANCELLED', requested: 'TENTATIVE', pending: 'TENTATIVE' };

/** One appointment as an iCalendar file. It names the people and the hospital, never the symptoms. */
export function appointmentIcs(a: Appointment, viewer: 'patient' | 'doctor' | 'staff', appUrl: string): string {
  const summary = viewer === 'doctor' ? `Video visit: ${a.patient.firstName} ${a.patient.lastName}` : `Video visit with Dr. ${a.doctor.firstName} ${a.doctor.lastName}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Telemedicine Platform//Appointments//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${a.id}@telemedicine`,
    `DTSTAMP:${stamp(new Date().toISOString())}`,
    `DTSTART:${stamp(a.startsAt)}`,
    `DTEND:${stamp(a.endsAt)}`,
    `SUMMARY:${escape(summary)}`,
    `DESCRIPTION:${escape(`Online consultation at ${a.hospitalName} (${a.doctor.specialization}). Join from the appointment page: ${appUrl}`)}`,
    `LOCATION:${escape(`${a.hospitalName} (online)`)}`,
    `URL:${appUrl}`,
    `STATUS:${STATUS[a.status] ?? 'CONFIRMED'}`,
    `LAST-MODIFIED:${stamp(a.updatedAt)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
