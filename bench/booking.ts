// Appointment booking: how fast requests are taken, and what 30 people racing for one slot cost.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/server/db/client.js';
import { createTestDatabase } from '../src/server/test/database.js';
import { allWeek, slotsOf } from '../src/server/test/appointments.js';
import { buildHospital, buildUser, signIn } from '../src/server/test/factories.js';
import { testConfig } from '../src/server/test/harness.js';

export async function bookingBench() {
  const pg = process.env.DATABASE_URL?.startsWith('postgres');
  const database = pg ? await createTestDatabase() : await openDatabase({ kind: 'pglite', dir: null });
  const app = await buildApp(testConfig(mkdtempSync(join(tmpdir(), 'tm-bench-'))), { database });
  try {
    const hospital = await buildHospital(app);
    const doctor = await buildUser(app, 'doctor', hospital.id);
    await (await signIn(app, doctor)).put(`/api/doctors/${doctor.id}/availability`, allWeek(15));
    const patients = await Promise.all(Array.from({ length: 30 }, () => buildUser(app, 'patient', hospital.id)));
    const clients = await Promise.all(patients.map((p) => signIn(app, p)));
    const slots = await slotsOf(clients[0]!, doctor.id, 1, 20);

    let t = performance.now();
    for (let i = 0; i < 200; i++) await clients[i % 30]!.get(`/api/doctors/${doctor.id}/slots?from=${slots[0]!.startsAt.slice(0, 10)}&to=${slots[0]!.startsAt.slice(0, 10)}`);
    const slotMs = (performance.now() - t) / 200;

    t = performance.now();
    let ok = 0;
    for (let i = 0; i < 300; i++) {
      const res = await clients[i % 30]!.post('/api/appointments', { doctorId: doctor.id, startsAt: slots[i + 100]!.startsAt, symptoms: 'Bench' });
      if (res.status === 201) ok++;
    }
    const bookMs = (performance.now() - t) / 300;

    t = performance.now();
    const race = await Promise.all(clients.map((c) => c.post('/api/appointments', { doctorId: doctor.id, startsAt: slots[50]!.startsAt, symptoms: 'Race' })));
    const raceMs = performance.now() - t;
    console.log(
      `booking (${pg ? 'PostgreSQL' : 'PGlite'}): free slots for a day ${slotMs.toFixed(1)} ms, request ${bookMs.toFixed(1)} ms each (${ok}/300 stored), ` +
        `30 concurrent requests for one slot ${raceMs.toFixed(0)} ms → ${race.filter((r) => r.status === 201).length} booked, ${race.filter((r) => r.status === 409).length} refused`,
    );
  } finally {
    await app.close();
    await database.close();
  }
}
