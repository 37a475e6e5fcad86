import { doctorName, personName } from '../../../contracts/people.js';
import type { AppointmentRow } from '../appointments/appointments.queries.js';
import { formatInZone } from '../appointments/format.js';
import type { MailParts } from './compose.js';
import type { Recipient } from './recipients.js';

/**
 * The words of the mails about visits. They name the people, the hospital and the time, and
 * link to the page; never what the visit is about (symptoms, notes, reasons, messages): those
 * stay behind the sign-in.
 */
export interface VisitMail {
  subject: string;
  parts: MailParts;
}

export const appointmentLink = (linkBase: string, appointmentId: string) => `${linkBase}/appointments/${appointmentId}`;

/** "24 hours", "1 hour", "90 minutes", "2 days". */
export function durationWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes % 1440 === 0 && minutes >= 2880) return plural(minutes / 1440, 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

/** Who the other side of the visit is, as this recipient would call them. */
const otherSide = (row: AppointmentRow, r: Recipient) => (r.id === row.appointment.patientId ? doctorName(row.doctor) : personName(row.patient));

const footer = (r: Recipient) =>
  `You get this mail because you have an account with ${r.from}. Choose which mails you get on your profile page.`;

export function reminderMail(row: AppointmentRow, r: Recipient, offsetMs: number, linkBase: string): VisitMail {
  const when = formatInZone(row.appointment.startsAt, r.timeZone);
  const link = appointmentLink(linkBase, row.appointment.id);
  return {
    subject: `Reminder: video visit with ${otherSide(row, r)} in ${durationWords(offsetMs)} · ${r.from}`,
    parts: {
      from: r.from,
      greeting: `Hello ${r.shortName},`,
      paragraphs: [
        `This is a reminder of your video visit with ${otherSide(row, r)} at ${row.hospitalName}.`,
        `It starts ${when}.`,
        'Join it from the appointment page a few minutes before. Checking your camera, microphone and connection beforehand takes a minute.',
        'The attached calendar file adds the visit to your calendar.',
      ],
      action: { label: 'Open the appointment', url: link },
      links: [{ label: 'Check your camera and microphone', url: `${linkBase}/video-call/test-devices` }],
      footer: footer(r),
    },
  };
}

export function paymentDueMail(row: AppointmentRow, r: Recipient, linkBase: string): VisitMail {
  const due = formatInZone(row.appointment.paymentDueAt!, r.timeZone);
  return {
    subject: `Your visit's fee is due soon · ${r.from}`,
    parts: {
      from: r.from,
      greeting: `Hello ${r.shortName},`,
      paragraphs: [
        `Your video visit with ${doctorName(row.doctor)} on ${formatInZone(row.appointment.startsAt, r.timeZone)} is agreed, and its fee is not paid yet.`,
        `Pay it by ${due}: a visit unpaid by then is cancelled automatically and its time given to someone else.`,
      ],
      action: { label: 'Pay from the appointment page', url: appointmentLink(linkBase, row.appointment.id) },
      footer: footer(r),
    },
  };
}

export function chatUnreadMail(row: AppointmentRow, r: Recipient, linkBase: string): VisitMail {
  return {
    subject: `New message from ${otherSide(row, r)} · ${r.from}`,
    parts: {
      from: r.from,
      greeting: `Hello ${r.shortName},`,
      paragraphs: [
        `You have a new message from ${otherSide(row, r)} about your appointment on ${formatInZone(row.appointment.startsAt, r.timeZone)}.`,
        'Sign in to read it and to answer.',
      ],
      action: { label: 'Read the message', url: appointmentLink(linkBase, row.appointment.id) },
      footer: footer(r),
    },
  };
}

/** What happened to the visit, in a sentence: approved, declined, moved, cancelled. */
export function changeMail(row: AppointmentRow, r: Recipient, what: { subject: string; sentence: string; extra?: string }, linkBase: string): VisitMail {
  return {
    subject: `${what.subject} · ${r.from}`,
    parts: {
      from: r.from,
      greeting: `Hello ${r.shortName},`,
      paragraphs: [what.sentence, ...(what.extra ? [what.extra] : [])],
      action: { label: 'Open the appointment', url: appointmentLink(linkBase, row.appointment.id) },
      footer: footer(r),
    },
  };
}
