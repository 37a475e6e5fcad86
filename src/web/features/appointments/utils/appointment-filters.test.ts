import { describe, expect, it } from 'vitest';
import { AppointmentStatus } from '../../../../contracts/enums.js';
import { listViewer, parseStatusFilter, parseTab, TABS, tabQuery, tabStatuses, viewerOf } from './appointment-filters.js';

describe('appointment list filters', () => {
  it('splits the lists the way each side expects', () => {
    // What waits for this person.
    expect(tabQuery('needs-action', 'doctor')).toEqual({ status: 'requested', order: 'asc' });
    expect(tabQuery('needs-action', 'patient')).toEqual({ status: 'pending,scheduled', order: 'asc' });
    expect(tabQuery('needs-action', 'staff')).toEqual({ status: 'requested,pending,scheduled', order: 'asc' });
    // Still to come, nothing to do now.
    expect(tabQuery('upcoming', 'doctor')).toEqual({ status: 'pending,scheduled,confirmed,in_progress', order: 'asc' });
    expect(tabQuery('upcoming', 'patient')).toEqual({ status: 'requested,confirmed,in_progress', order: 'asc' });
    expect(tabQuery('upcoming', 'staff')).toEqual({ status: 'confirmed,in_progress', order: 'asc' });
    // Rejected and cancelled ones are never "past", whatever their date.
    for (const viewer of ['doctor', 'patient', 'staff'] as const) {
      expect(tabQuery('past', viewer)).toEqual({ status: 'completed', order: 'desc' });
      expect(tabQuery('cancelled', viewer)).toEqual({ status: 'rejected,cancelled', order: 'desc' });
    }
  });

  it('puts every status in exactly one list, for each side', () => {
    for (const viewer of ['doctor', 'patient', 'staff'] as const) {
      const all = TABS.flatMap((tab) => tabStatuses(tab, viewer));
      expect([...all].sort()).toEqual([...AppointmentStatus.options].sort());
    }
  });

  it('reads the tab from the URL, and the viewer from the role', () => {
    expect(parseTab('cancelled')).toBe('cancelled');
    expect(parseTab('bogus')).toBeNull();
    expect(parseTab(null)).toBeNull();
    expect(listViewer('patient')).toBe('patient');
    expect(listViewer('doctor')).toBe('doctor');
    expect(listViewer('hospital_admin')).toBe('staff');
    expect(listViewer('super_admin')).toBe('staff');
  });

  it('keeps only real statuses from the URL', () => {
    expect(parseStatusFilter('requested,bogus,scheduled')).toBe('requested,scheduled');
    expect(parseStatusFilter(null)).toBe('');
    expect(parseStatusFilter('nothing')).toBe('');
  });

  it('knows which side the viewer is on', () => {
    const a = { patient: { id: 'p', firstName: '', lastName: '' }, doctor: { id: 'd', firstName: '', lastName: '', specialization: '' } };
    expect(viewerOf({ id: 'p' }, a)).toBe('patient');
    expect(viewerOf({ id: 'd' }, a)).toBe('doctor');
    expect(viewerOf({ id: 'x' }, a)).toBe('staff');
  });
});
