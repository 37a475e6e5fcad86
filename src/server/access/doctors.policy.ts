import { DOCTOR_SELF_FIELDS, type DoctorPatch } from '../../contracts/doctors.js';
import { forbidden } from '../errors.js';
import { isStaff, userIdOf, type Scope } from './scope.js';

/**
 * Doctors are seen by everyone in their hospital; patients and colleagues see active ones only,
 * in the public view. Admins and the doctor themself see and change the full record.
 */
export const seesInactiveDoctors = (scope: Scope) => isStaff(scope);
export const seesFullDoctor = (scope: Scope, doctorId: string) => isStaff(scope) || userIdOf(scope) === doctorId;
export const visibleDoctor = (scope: Scope, doctor: { id: string; isActive: boolean }) =>
  doctor.isActive || seesInactiveDoctors(scope) || userIdOf(scope) === doctor.id;

/** Who may change a doctor's picture or schedule: their admins and the doctor. */
export function assertMayManageDoctor(scope: Scope, doctorId: string) {
  if (!seesFullDoctor(scope, doctorId)) throw forbidden();
}

/** Admins change anything; a doctor changes only their own name, phone, bio and availability. */
export function assertMayPatchDoctor(scope: Scope, doctorId: string, patch: DoctorPatch) {
  if (isStaff(scope)) return;
  if (userIdOf(scope) !== doctorId) throw forbidden();
  const extra = Object.keys(patch).filter((k) => !(DOCTOR_SELF_FIELDS as readonly string[]).includes(k));
  if (extra.length) throw forbidden(`Ask your hospital administrator to change: ${extra.join(', ')}`);
}
