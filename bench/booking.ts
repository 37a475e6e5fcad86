// Booking: 100 patients racing for 20 free slots of one doctor, all at once. Each slot is asked
// for by five; the proof is the doctor's own list afterwards: no slot held twice.
import type { People, Person } from './people.js';

const CLIENTS = 100;
const SLOTS = 20;

export interface BookingFigure {
  requests: number;
  booked: number;
  refused: number;
  otherErrors: number;
  seconds: number;
  bookingsPerSec: number;
  requestsPerSec: number;
  /** Slots the doctor's list shows more than one active appointment for: must be 0. */
  doubleBooked: number;
}

export async function bookingFigure(origin: string, people: People, today: Date): Promise<BookingFigure> {
  const doctor = people.doctors[0]!;
  const patients = people.patients.filter((p) => p.hospital === doctor.hospital).slice(0, CLIENTS);
  const call = async (who: Person, method: string, path: string, body?: unknown) => {
    const res = await fetch(origin + path, {
      method,
      headers: { cookie: who.cookie, origin, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  // Past the seeded appointments: nobody holds time there yet.
  const day = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const free = await call(patients[0]!, 'GET', `/api/doctors/${doctor.id}/slots?from=${day(25)}&to=${day(35)}`);
  const slots = (free.body.items as { startsAt: string }[]).slice(0, SLOTS);
  if (slots.length < SLOTS) throw new Error(`booking: only ${slots.length} free slots (${free.status})`);
  const started = performance.now();
  const answers = await Promise.all(
    patients.map((p, i) => call(p, 'POST', '/api/appointments', { doctorId: doctor.id, startsAt: slots[i % SLOTS]!.startsAt, symptoms: 'A sore throat' })),
  );
  const seconds = (performance.now() - started) / 1000;
  const booked = answers.filter((a) => a.status === 201).length;
  const refused = answers.filter((a) => a.status === 409).length;
  const held = await call(doctor, 'GET', `/api/appointments?from=${day(25)}T00:00:00Z&to=${day(36)}T00:00:00Z&status=requested,pending,scheduled,confirmed,in_progress&limit=200`);
  const perSlot = new Map<string, number>();
  for (const a of held.body.items as { startsAt: string }[]) perSlot.set(a.startsAt, (perSlot.get(a.startsAt) ?? 0) + 1);
  return {
    requests: answers.length,
    booked,
    refused,
    otherErrors: answers.length - booked - refused,
    seconds: Math.round(seconds * 1000) / 1000,
    bookingsPerSec: Math.round(booked / seconds),
    requestsPerSec: Math.round(answers.length / seconds),
    doubleBooked: [...perSlot.values()].filter((n) => n > 1).length,
  };
}
