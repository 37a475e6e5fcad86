// The seeded people the bench acts as, with the cookie each one's browser would send.
import { hospitalOf, ids, range, type Seeded } from './seed.js';

export interface Person {
  id: string;
  cookie: string;
  hospital: number;
}

export interface People {
  patients: Person[];
  doctors: Person[];
  admins: Person[];
  /** Doctors of each hospital (1-based). */
  doctorsOf(hospital: number): Person[];
}

export function peopleOf(seeded: Seeded): People {
  const { size, tokens } = seeded;
  const person = (id: string, hospital: number): Person => ({ id, hospital, cookie: `tm_session=${tokens.get(id)!}` });
  const patients = range(size.patients).map((p) => ids.patient(p)).filter((id) => tokens.has(id)).map((id, i) => person(id, hospitalOf(i + 1, size)));
  const doctors = range(size.doctors).map((d) => person(ids.doctor(d), hospitalOf(d, size)));
  const admins = range(size.hospitals).map((h) => person(ids.admin(h), h));
  const byHospital = new Map<number, Person[]>();
  for (const d of doctors) byHospital.set(d.hospital, [...(byHospital.get(d.hospital) ?? []), d]);
  return { patients, doctors, admins, doctorsOf: (h) => byHospital.get(h)! };
}

/** Takes turns through a list: each request of a load test acts as the next person. */
export const turns = <T>(xs: T[]) => {
  let i = 0;
  return () => xs[i++ % xs.length]!;
};
