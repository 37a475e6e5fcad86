import type { Me } from '../../../contracts/auth.js';

export interface NavItem {
  to: string;
  label: string;
  /** Exact match only (for "/"). */
  end?: boolean;
}

/** What each role finds in the header. Pages a role may not open are simply not offered. */
export function navItemsFor(me: Me): NavItem[] {
  const dashboard: NavItem = { to: '/', label: 'Dashboard', end: true };
  switch (me.role) {
    case 'super_admin':
      return [dashboard, { to: '/hospitals', label: 'Hospitals' }, { to: '/payments', label: 'Payments' }, { to: '/audit', label: 'Audit log' }];
    case 'hospital_admin':
      return [
        dashboard,
        { to: '/appointments', label: 'Appointments' },
        { to: '/doctors', label: 'Doctors' },
        { to: '/patients', label: 'Patients' },
        { to: '/payments', label: 'Payments' },
        ...(me.hospitalId ? [{ to: `/hospitals/${me.hospitalId}`, label: 'Hospital' }] : []),
        { to: '/audit', label: 'Audit log' },
      ];
    case 'doctor':
      return [
        dashboard,
        { to: '/appointments', label: 'Appointments' },
        { to: '/availability', label: 'Availability' },
        { to: '/profile', label: 'My profile' },
      ];
    case 'patient':
      return [
        dashboard,
        { to: '/find-doctor', label: 'Find a doctor' },
        { to: '/appointments', label: 'Appointments' },
        { to: '/profile', label: 'My profile' },
      ];
  }
}
