import { and, eq, exists, type SQL } from 'drizzle-orm';
import type { PatientPatch } from '../../contracts/patients.js';
import type { Tx } from '../db/client.js';
import { appointments, patientProfiles } from '../db/schema/index.js';
import { forbidden } from '../errors.js';
import { inScope, type Scope } from './scope.js';

/**
 * A patient record is seen by its hospital's admins, by the patient, and by a doctor who has an
 * appointment with them. To anyone else it does not exist.
 */
export function patientRows(tx: Tx, scope: Scope, patientId: string): SQL | undefined {
  const hospital = inScope(scope, patientProfiles.hospitalId);
  if (scope.kind === 'user' && scope.role === 'patient') return and(hospital, eq(patientProfiles.userId, scope.userId));
  if (scope.kind === 'user' && scope.role === 'doctor') {
    const treats = tx
      .select({ one: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.patientId, patientId), eq(appointments.doctorId, scope.userId)));
    return and(hospital, exists(treats));
  }
  return hospital;
}

/** Admins change anything; patients change their own record but not its activation; doctors read only. */
export function assertMayPatchPatient(scope: Scope, patch: PatientPatch) {
  if (scope.kind !== 'user') return;
  if (scope.role === 'doctor') throw forbidden('Doctors cannot change patient records');
  if (scope.role === 'patient' && patch.isActive !== undefined) throw forbidden('Ask your hospital to deactivate your account');
}
