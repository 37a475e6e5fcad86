import type { Role } from '../../../contracts/enums.js';

/** Each role as people read it. */
export const roleLabels: Record<Role, string> = {
  super_admin: 'Super admin',
  hospital_admin: 'Hospital admin',
  doctor: 'Doctor',
  patient: 'Patient',
};
