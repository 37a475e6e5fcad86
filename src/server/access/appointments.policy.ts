import { eq, type SQL } from 'drizzle-orm';
import { appointments } from '../db/schema/index.js';
import type { Party } from '../modules/appointments/lifecycle.js';
import { asValue, inScope, userIdOf, type Bind, type Scope } from './scope.js';

/** Patients see their own appointments, doctors theirs, admins their hospital's, the platform all. */
export function appointmentRows(scope: Scope, bind: Bind = asValue): SQL | undefined {
  if (scope.kind === 'user' && scope.role === 'patient') return eq(appointments.patientId, bind('scope.userId', scope.userId));
  if (scope.kind === 'user' && scope.role === 'doctor') return eq(appointments.doctorId, bind('scope.userId', scope.userId));
  return inScope(scope, appointments.hospitalId, bind);
}

/** Who acts on the appointment: its patient or doctor, or (for what the hospital may do: cancel) its hospital's admin. */
export function actingPartyOf(scope: Scope, a: { patientId: string; doctorId: string }): Party | null {
  return partyOf(scope, a) ?? (scope.kind === 'user' && scope.role === 'hospital_admin' ? 'hospital' : null);
}

/** Which side of the appointment this scope is on: the patient, the doctor, the system, or none (staff). */
export function partyOf(scope: Scope, a: { patientId: string; doctorId: string }): Party | null {
  if (scope.kind === 'system') return 'system';
  const me = userIdOf(scope);
  return a.patientId === me ? 'patient' : a.doctorId === me ? 'doctor' : null;
}
