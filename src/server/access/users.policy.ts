import type { Role } from '../../contracts/enums.js';
import { forbidden, notFound } from '../errors.js';
import { isPlatformWide, userIdOf, type Scope } from './scope.js';

/**
 * Who may reset someone's second factor: the super admin anyone's, a hospital admin that of
 * people of their hospital (never a super admin's: `inScope` already hides other hospitals).
 * Nobody resets their own this way: they turn it off with their password.
 */
export function assertMayResetTwoFactor(scope: Scope, target: { id: string; role: Role }) {
  if (userIdOf(scope) === target.id) throw forbidden('Turn off your own two-factor sign-in on your profile page');
  if (!isPlatformWide(scope) && target.role === 'super_admin') throw notFound('No such person');
}
