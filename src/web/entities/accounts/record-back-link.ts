import type { Role } from '../../../contracts/enums.js';
import type { BackLink } from '../../lib/ui/record-unavailable.js';

/** Where a person record's page leads back to: the super admin to its hospital, staff to the list. */
export function recordBackLink(role: Role, hospitalId: string | null, list: BackLink): BackLink {
  if (role !== 'super_admin') return list;
  return hospitalId ? { to: `/hospitals/${hospitalId}`, label: 'Back to the hospital' } : { to: '/hospitals', label: 'All hospitals' };
}
