import type { MailTopic } from '../../../contracts/mail.js';
import { doctorName, personName } from '../../../contracts/people.js';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import type { AppointmentRow } from '../appointments/appointments.queries.js';
import { formatInZone } from '../appointments/format.js';
import type { Action, Party } from '../appointments/lifecycle.js';
import { queueMail, sendsMail } from './queue.js';
import { recipients, type Recipient } from './recipients.js';
import { changeMail } from './visit-mail.js';

interface Notice {
  topic: MailTopic;
  to: 'patient' | 'doctor';
  subject: string;
  sentence: (when: string) => string;
  extra?: string;
}

/** The changes a person would otherwise miss when not signed in, and whom each is mailed to. */
function noticesFor(row: AppointmentRow, action: Action, party: Party): Notice[] {
  const doctor = doctorName(row.doctor);
  const patient = personName(row.patient);
  const cancelledBy = party === 'patient' ? patient : party === 'doctor' ? doctor : row.hospitalName;
  switch (action) {
    case 'approve':
      return [{
        topic: 'appointmentUpdates', to: 'patient', subject: 'Your appointment request was approved',
        sentence: (when) => `${doctor} approved your video visit on ${when}.`,
        extra: row.appointment.fee > 0 ? 'Pay the fee from the appointment page to confirm it.' : 'It is confirmed: there is nothing to pay.',
      }];
    case 'reject':
      return [{
        topic: 'appointmentUpdates', to: 'patient', subject: 'Your appointment request was declined',
        sentence: (when) => `${doctor} declined your request for a video visit on ${when}. The appointment page says why; you can book another time.`,
      }];
    case 'propose':
      return [{
        topic: 'appointmentUpdates', to: 'patient', subject: 'Another time was proposed for your visit',
        sentence: (when) => `${doctor} proposed another time for your video visit: ${when}. Accept or decline it on the appointment page.`,
      }];
    case 'cancel': {
      const sentence = (when: string) => `${cancelledBy} cancelled the video visit on ${when}. It will not take place.`;
      const to: Notice['to'][] = party === 'patient' ? ['doctor'] : party === 'doctor' ? ['patient'] : ['patient', 'doctor'];
      return to.map((side) => ({ topic: 'cancellations', to: side, subject: 'A visit was cancelled', sentence }));
    }
    case 'decline-proposal':
      return [{
        topic: 'cancellations', to: 'doctor', subject: 'A proposed time was declined',
        sentence: (when) => `${patient} declined the time you proposed (${when}), so this visit will not take place.`,
      }];
    case 'expire':
      return [{
        topic: 'cancellations', to: 'patient', subject: 'A visit was cancelled automatically',
        sentence: (when) => `Your video visit on ${when} was cancelled automatically: the appointment page says why.`,
      }];
    default:
      return [];
  }
}

/** Queues the mails a lifecycle change calls for, in its transaction (to those who want them). */
export async function mailAboutChange(tx: Tx, config: Config, row: AppointmentRow, action: Action, party: Party, now: Date) {
  if (!sendsMail(config)) return;
  const notices = noticesFor(row, action, party);
  if (notices.length === 0) return;
  const a = row.appointment;
  const people = await recipients(tx, [a.patientId, a.doctorId]);
  for (const n of notices) {
    const r: Recipient | undefined = people.get(n.to === 'patient' ? a.patientId : a.doctorId);
    if (!r?.isActive || !r.wants[n.topic]) continue;
    const mail = changeMail(row, r, { subject: n.subject, sentence: n.sentence(formatInZone(a.startsAt, r.timeZone)), extra: n.extra }, config.mail.linkBase);
    await queueMail(tx, config, { kind: `appointment.${action}`, to: r, hospitalId: a.hospitalId, appointmentId: a.id, ...mail }, now);
  }
}
