import { describe, expect, it } from 'vitest';
import { doctorName, personName } from './people.js';

describe('naming people', () => {
  const doctor = { firstName: 'Arjun', lastName: 'Thapa' };
  it('names a doctor one way, "Dr" without a full stop', () => {
    expect(doctorName(doctor)).toBe('Dr Arjun Thapa');
    expect(personName(doctor, 'doctor')).toBe('Dr Arjun Thapa');
    expect(personName(doctor, 'doctor', { short: true })).toBe('Dr Thapa');
  });

  it('names everyone else by their name, the short form being the first name', () => {
    const maya = { firstName: ' Maya ', lastName: 'Tamang' };
    expect(personName(maya)).toBe('Maya Tamang');
    expect(personName(maya, 'patient', { short: true })).toBe('Maya');
    expect(personName({ firstName: 'Platform', lastName: 'Administrator' }, 'super_admin')).toBe('Platform Administrator');
    expect(personName({ firstName: '', lastName: 'Rai' }, 'hospital_admin', { short: true })).toBe('Rai');
  });
});
