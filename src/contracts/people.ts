import type { Role } from './enums.js';

interface Named {
  firstName: string;
  lastName: string;
}

/**
 * How a person is named wherever they appear (pages, chat, notifications, calendar files):
 * "Maya Tamang", and a doctor "Dr Ramesh Adhikari" (no full stop, as in British and Nepali
 * usage). With `short`, a doctor is "Dr Adhikari" and anyone else goes by their first name.
 */
export function personName(person: Named, role?: Role | null, options: { short?: boolean } = {}): string {
  const first = person.firstName.trim();
  const last = person.lastName.trim();
  if (role === 'doctor') return `Dr ${options.short ? last || first : `${first} ${last}`.trim()}`;
  if (options.short) return first || last;
  return `${first} ${last}`.trim();
}

/** A doctor's name, "Dr Ramesh Adhikari". */
export const doctorName = (doctor: Named) => personName(doctor, 'doctor');
