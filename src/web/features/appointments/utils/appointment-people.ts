import type { Appointment } from '../../../../contracts/appointments.js';
import type { Viewer } from '../../../entities/appointments/appointment-status.js';
import { doctorName, personName } from '../../../../contracts/people.js';

/** Who the appointment is with, from the viewer's side. */
export function counterpartName(a: Pick<Appointment, 'doctor' | 'patient'>, viewer: Viewer) {
  if (viewer === 'patient') return doctorName(a.doctor);
  if (viewer === 'doctor') return personName(a.patient);
  return `${personName(a.patient)} with ${doctorName(a.doctor)}`;
}
