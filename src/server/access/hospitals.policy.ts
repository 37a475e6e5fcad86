import type { HospitalPatch } from '../../contracts/hospitals.js';
import { forbidden } from '../errors.js';
import { isPlatformWide, userIdOf, type Scope } from './scope.js';

/**
 * The super admin changes anything; a hospital admin edits their own hospital but cannot
 * (de)activate it, and may require a second factor of its admins but not drop the requirement.
 */
export function assertMayPatchHospital(scope: Scope, patch: HospitalPatch) {
  if (isPlatformWide(scope)) return;
  if (patch.isActive !== undefined) throw forbidden('Only the platform administrator can activate or deactivate a hospital');
  if (patch.adminTwoFactorRequired === false) throw forbidden('Only the platform administrator can stop requiring two-factor sign-in');
}

/** A hospital admin edits their own name and phone; colleagues and activation are the super admin's. */
export function assertMayPatchAdmin(scope: Scope, adminId: string, patch: { isActive?: boolean }) {
  if (isPlatformWide(scope)) return;
  if (userIdOf(scope) !== adminId || patch.isActive !== undefined) throw forbidden('Ask the platform administrator to change this');
}
