import type { Appointment } from '../../../../contracts/appointments.js';
import { fullName } from '../../../lib/session.js';
import type { Viewer } from '../../../lib/appointment-status.js';

export function doctorName(d: { firstName: string; lastName: string }) {
  return `Dr ${d.firstName} ${d.lastName}`;
}

/** Who the appointment is with, from the viewer's side. */
export function counterpartName(a: Pick<Appointment, 'doctor' | 'patient'>, viewer: Viewer) {
  if (viewer === 'patient') return doctorName(a.doctor);
  if (viewer === 'doctor') return fullName(a.patient);
  return `${fullName(a.patient)} with ${doctorName(a.doctor)}`;
}
