import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { buildApp } from '../../app.js';
import { appointmentEvents, appointments, auditEvents, hospitals } from '../../db/schema/index.js';
import { systemCtx } from '../../context.js';
import { allWeek, slotsOf as slotsIn } from '../../test/appointments.js';
import { type Tenant, buildHospital, buildTenant, buildUser, signIn } from '../../test/factories.js';
import { ManualClock } from '../../test/clock.js';
import { Client, testConfig, useTestApp } from '../../test/harness.js';
import { expireOverdue } from './actions.service.js';
import { timeLockOf } from './transition.js';
import pg from 'pg';

// Pinned: a Monday, 09:45 in Kathmandu, so no test here depends on when the suite runs.
const clock = new ManualClock('2030-01-14T04:00:00Z');
const t = useTestApp({}, { clock });
const now = () => clock.now().getTime();
const KTM = { timezone: 'Asia/Kathmandu' };
const slotsOf = (client: Client, doctorId: string, fromDay?: number, toDay?: number) => slotsIn(client, doctorId, fromDay, toDay, KTM.timezone);
let h: Tenant;

const countRows = async () => ({
  appointments: (await t.app.db.select().from(appointments)).length,
  events: (await t.app.db.select().from(appointmentEvents)).length,
});
const request = (client: Client, doctorId: string, startsAt: string, symptoms = 'Chest pain when climbing stairs') =>
  client.post('/api/appointments', { doctorId, startsAt, symptoms });

beforeAll(async () => {
  h = await buildTenant(t.app, KTM);
  expect((await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek())).status).toBe(200);
});

describe('availability', () => {
  it('is set by the doctor or their admin, read by patients, in the hospital zone', async () => {
    const schedule = { slotMinutes: 20, windows: [{ dayOfWeek: 1, start: '09:00', end: '12:00' }, { dayOfWeek: 1, start: '14:00', end: '17:00' }], exceptions: [{ date: '2030-01-07', kind: 'off' }] };
    const doctor = await buildUser(t.app, 'doctor', h.hospital.id);
    const put = await h.as.admin.put(`/api/doctors/${doctor.id}/availability`, schedule);
    expect(put.status).toBe(200);
    const got = await h.as.patient.get(`/api/doctors/${doctor.id}/availability`);
    expect(got.body).toEqual({ ...schedule, timezone: 'Asia/Kathmandu', exceptions: [{ date: '2030-01-07', kind: 'off', start: null, end: null, note: null }] });
  });

  it('reads back in order: windows by day and time, exceptions by date and time, with their notes', async () => {
    const doctor = await buildUser(t.app, 'doctor', h.hospital.id);
    const schedule = {
      slotMinutes: 15,
      windows: [{ dayOfWeek: 3, start: '14:00', end: '16:30' }, { dayOfWeek: 1, start: '09:00', end: '12:00' }, { dayOfWeek: 3, start: '08:15', end: '11:00' }],
      exceptions: [
        { date: '2030-03-02', kind: 'extra', start: '10:00', end: '12:00', note: 'Saturday clinic' },
        { date: '2030-02-10', kind: 'off', note: 'Conference' },
        { date: '2030-03-02', kind: 'extra', start: '07:30', end: '09:00' },
      ],
    };
    expect((await h.as.admin.put(`/api/doctors/${doctor.id}/availability`, schedule)).status).toBe(200);
    const got = (await h.as.patient.get(`/api/doctors/${doctor.id}/availability`)).body;
    expect(got).toEqual({
      slotMinutes: 15,
      timezone: 'Asia/Kathmandu',
      windows: [{ dayOfWeek: 1, start: '09:00', end: '12:00' }, { dayOfWeek: 3, start: '08:15', end: '11:00' }, { dayOfWeek: 3, start: '14:00', end: '16:30' }],
      exceptions: [
        { date: '2030-02-10', kind: 'off', start: null, end: null, note: 'Conference' },
        { date: '2030-03-02', kind: 'extra', start: '07:30', end: '09:00', note: null },
        { date: '2030-03-02', kind: 'extra', start: '10:00', end: '12:00', note: 'Saturday clinic' },
      ],
    });
    // Another hospital's patient does not learn it exists.
    const other = await buildTenant(t.app, KTM);
    expect((await other.as.patient.get(`/api/doctors/${doctor.id}/availability`)).status).toBe(404);
  });

  it('refuses overlapping windows and bad times, and keeps the schedule', async () => {
    const doctor = await buildUser(t.app, 'doctor', h.hospital.id);
    const client = await signIn(t.app, doctor);
    await client.put(`/api/doctors/${doctor.id}/availability`, allWeek());
    const overlap = await client.put(`/api/doctors/${doctor.id}/availability`, { slotMinutes: 30, windows: [{ dayOfWeek: 2, start: '09:00', end: '12:00' }, { dayOfWeek: 2, start: '11:00', end: '13:00' }] });
    expect(overlap.status).toBe(400);
    expect(overlap.body.code).toBe('availability_overlap');
    expect(overlap.body.detail).toContain('Tuesday');
    for (const bad of [
      { slotMinutes: 30, windows: [{ dayOfWeek: 2, start: '25:00', end: '26:00' }] },
      { slotMinutes: 30, windows: [{ dayOfWeek: 7, start: '09:00', end: '10:00' }] },
      { slotMinutes: 30, windows: [{ dayOfWeek: 2, start: '12:00', end: '09:00' }] },
      { slotMinutes: 3, windows: [] },
      { slotMinutes: 30, windows: [], exceptions: [{ date: '2030-02-30', kind: 'off' }] },
      { slotMinutes: 30, windows: [], exceptions: [{ date: '2030-02-03', kind: 'extra' }] },
    ]) {
      const res = await client.put(`/api/doctors/${doctor.id}/availability`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    expect((await client.get(`/api/doctors/${doctor.id}/availability`)).body.windows).toHaveLength(7);
  });

  it('is changed by nobody else', async () => {
    expect((await h.as.patient.put(`/api/doctors/${h.doctor.id}/availability`, allWeek())).status).toBe(403);
    const colleague = await signIn(t.app, await buildUser(t.app, 'doctor', h.hospital.id));
    const res = await colleague.put(`/api/doctors/${h.doctor.id}/availability`, allWeek());
    expect(res.status).toBe(403);
  });
});

describe('slots', () => {
  it('lists free future slots and leaves out held time', async () => {
    const slots = await slotsOf(h.as.patient, h.doctor.id, 1, 1);
    expect(slots.length).toBeGreaterThan(40);
    expect(new Date(slots[0]!.startsAt).getTime()).toBeGreaterThan(now());
    const target = slots[5]!;
    expect((await request(h.as.patient, h.doctor.id, target.startsAt)).status).toBe(201);
    const after = await slotsOf(h.as.patient, h.doctor.id, 1, 1);
    expect(after.map((s) => s.startsAt)).not.toContain(target.startsAt);
    expect(after).toHaveLength(slots.length - 1);
  });

  it('offers nothing for a doctor who is not taking appointments', async () => {
    const doctor = await buildUser(t.app, 'doctor', h.hospital.id);
    const client = await signIn(t.app, doctor);
    await client.put(`/api/doctors/${doctor.id}/availability`, allWeek());
    expect((await slotsOf(h.as.patient, doctor.id)).length).toBeGreaterThan(0);
    await client.patch(`/api/doctors/${doctor.id}`, { isAvailable: false });
    expect(await slotsOf(h.as.patient, doctor.id)).toEqual([]);
  });

  it('applies each doctor\'s own hours, days off and extra hours at the ends of the range, read in one statement shared by all', async () => {
    // 2030-01-14 is a Monday; the range asked for is Tuesday 15th to Thursday 17th.
    const early = { slotMinutes: 60, windows: [2, 3, 4].map((dayOfWeek) => ({ dayOfWeek, start: '09:00', end: '11:00' })), exceptions: [
      { date: '2030-01-14', kind: 'extra', start: '13:00', end: '15:00' }, // the day before: not asked for
      { date: '2030-01-15', kind: 'off', start: '10:00', end: '11:00' }, // the first day: an hour off
      { date: '2030-01-17', kind: 'extra', start: '16:00', end: '17:00' }, // the last day: an hour more
      { date: '2030-01-18', kind: 'off' }, // the day after: not asked for
    ] };
    const late = { slotMinutes: 30, windows: [{ dayOfWeek: 3, start: '15:00', end: '16:00' }], exceptions: [{ date: '2030-01-15', kind: 'extra', start: '18:00', end: '18:30' }] };
    const [a, b] = [await buildUser(t.app, 'doctor', h.hospital.id), await buildUser(t.app, 'doctor', h.hospital.id)];
    expect((await h.as.admin.put(`/api/doctors/${a.id}/availability`, early)).status).toBe(200);
    expect((await h.as.admin.put(`/api/doctors/${b.id}/availability`, late)).status).toBe(200);
    const local = async (doctorId: string) =>
      (await slotsOf(h.as.patient, doctorId, 1, 3)).map((s) => new Date(s.startsAt).toLocaleString('sv', { timeZone: KTM.timezone }).slice(0, 16));
    expect(await local(a.id)).toEqual(['2030-01-15 09:00', '2030-01-16 09:00', '2030-01-16 10:00', '2030-01-17 09:00', '2030-01-17 10:00', '2030-01-17 16:00']);
    expect(await local(b.id)).toEqual(['2030-01-15 18:00', '2030-01-16 15:00', '2030-01-16 15:30']);
    // A patient's booking holds the time for that doctor only.
    const held = await slotsOf(h.as.patient, b.id, 2, 2);
    expect((await request(h.as.patient, b.id, held[0]!.startsAt)).status).toBe(201);
    expect(await local(b.id)).toEqual(['2030-01-15 18:00', '2030-01-16 15:30']);
    expect(await local(a.id)).toHaveLength(6);
    // A doctor who has left: no longer there for patients; the admin still sees the (empty) list.
    await h.as.admin.patch(`/api/doctors/${a.id}`, { isActive: false });
    expect((await h.as.patient.get(`/api/doctors/${a.id}/slots?from=2030-01-15&to=2030-01-17`)).status).toBe(404);
    const staff = await h.as.admin.get(`/api/doctors/${a.id}/slots?from=2030-01-15&to=2030-01-17`);
    expect(staff.status).toBe(200);
    expect(staff.body).toEqual({ timezone: KTM.timezone, slotMinutes: 60, items: [] });
  });

  it('validates the range', async () => {
    for (const q of ['from=2030-01-01', 'from=2030-01-10&to=2030-01-01', 'from=2030-01-01&to=2030-06-01', 'from=tomorrow&to=2030-01-01']) {
      const res = await h.as.patient.get(`/api/doctors/${h.doctor.id}/slots?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
  });
});

describe('requesting', () => {
  it('creates a request that holds the time and tells the doctor', async () => {
    const [slot] = await slotsOf(h.as.patient, h.doctor.id, 3, 3);
    const before = (await h.as.doctor.get('/api/notifications')).body.unread;
    const res = await request(h.as.patient, h.doctor.id, slot!.startsAt);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'requested', startsAt: slot!.startsAt, endsAt: slot!.endsAt, fee: 50_000, symptoms: 'Chest pain when climbing stairs', timezone: 'Asia/Kathmandu' });
    expect(res.body.patient.id).toBe(h.patient.id);
    expect(res.body.actions).toEqual(['cancel']);
    expect(res.body.events).toMatchObject([{ action: 'request', fromStatus: null, toStatus: 'requested', actorId: h.patient.id }]);
    const inbox = (await h.as.doctor.get('/api/notifications')).body;
    expect(inbox.unread).toBe(before + 1);
    expect(inbox.items[0]).toMatchObject({ type: 'appointment.request', appointmentId: res.body.id });
    expect(inbox.items[0].message).toContain('Asia/Kathmandu');
    const doctorView = await h.as.doctor.get(`/api/appointments/${res.body.id}`);
    expect(doctorView.body.actions).toEqual(['approve', 'reject', 'propose', 'cancel']);
  });

  it('refuses bad starts, strangers and unavailable doctors, and stores nothing', async () => {
    const [slot] = await slotsOf(h.as.patient, h.doctor.id, 4, 4);
    const other = await buildTenant(t.app, KTM);
    const away = await buildUser(t.app, 'doctor', h.hospital.id, { isAvailable: false });
    const start = new Date(slot!.startsAt);
    const before = await countRows();
    const cases: [string, string, number, string][] = [
      [h.doctor.id, new Date(now() - 3_600_000).toISOString(), 400, 'start_in_past'],
      [h.doctor.id, new Date(start.getTime() + 10 * 60_000).toISOString(), 400, 'slot_misaligned'],
      [h.doctor.id, new Date(start.getTime() + 10 * 60_000 + 1).toISOString(), 400, 'slot_misaligned'],
      [h.doctor.id, 'next tuesday', 400, 'validation_failed'],
      [other.doctor.id, slot!.startsAt, 404, 'not_found'],
      ['00000000-0000-4000-8000-000000000000', slot!.startsAt, 404, 'not_found'],
      [away.id, slot!.startsAt, 409, 'doctor_unavailable'],
    ];
    for (const [doctorId, startsAt, status, code] of cases) {
      const res = await request(h.as.patient, doctorId, startsAt);
      expect({ startsAt, status: res.status, code: res.body.code }).toEqual({ startsAt, status, code });
    }
    const empty = await h.as.patient.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: ' ' });
    expect(empty.body.code).toBe('validation_failed');
    expect(await countRows()).toEqual(before);
  });

  it('refuses a time outside the schedule', async () => {
    const doctor = await buildUser(t.app, 'doctor', h.hospital.id);
    const client = await signIn(t.app, doctor);
    await client.put(`/api/doctors/${doctor.id}/availability`, { slotMinutes: 30, windows: [{ dayOfWeek: 0, start: '09:00', end: '10:00' }, { dayOfWeek: 1, start: '09:00', end: '10:00' }, { dayOfWeek: 2, start: '09:00', end: '10:00' }, { dayOfWeek: 3, start: '09:00', end: '10:00' }, { dayOfWeek: 4, start: '09:00', end: '10:00' }, { dayOfWeek: 5, start: '09:00', end: '10:00' }, { dayOfWeek: 6, start: '09:00', end: '10:00' }] });
    const [slot] = await slotsOf(h.as.patient, doctor.id);
    const evening = new Date(new Date(slot!.startsAt).getTime() + 8 * 3_600_000).toISOString();
    const res = await request(h.as.patient, doctor.id, evening);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('outside_availability');
  });

  it('is only for patients', async () => {
    const [slot] = await slotsOf(h.as.patient, h.doctor.id, 4, 4);
    expect((await request(h.as.doctor, h.doctor.id, slot!.startsAt)).status).toBe(403);
    expect((await request(h.as.admin, h.doctor.id, slot!.startsAt)).status).toBe(403);
  });

  it('keeps one person out of two visits at once', async () => {
    const second = await buildUser(t.app, 'doctor', h.hospital.id);
    await (await signIn(t.app, second)).put(`/api/doctors/${second.id}/availability`, allWeek());
    const patient = await signIn(t.app, await buildUser(t.app, 'patient', h.hospital.id));
    const [slot] = await slotsOf(patient, h.doctor.id, 5, 5);
    expect((await request(patient, h.doctor.id, slot!.startsAt)).status).toBe(201);
    const clash = await request(patient, second.id, slot!.startsAt);
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('slot_unavailable');
    expect(clash.body.detail).toContain('You already have');
  });
});

describe('double booking', () => {
  it('lets exactly one of 30 concurrent requests for a slot through', async () => {
    const patients = await Promise.all(Array.from({ length: 30 }, () => buildUser(t.app, 'patient', h.hospital.id)));
    const clients = await Promise.all(patients.map((p) => signIn(t.app, p)));
    const [slot] = await slotsOf(clients[0]!, h.doctor.id, 6, 6);
    const results = await Promise.all(clients.map((c) => request(c, h.doctor.id, slot!.startsAt)));
    const statuses = results.map((r) => r.status).sort();
    const seen = JSON.stringify(results.map((r) => [r.status, r.body.code]));
    expect(statuses.filter((s) => s === 201), seen).toHaveLength(1);
    expect(statuses.filter((s) => s === 409), seen).toHaveLength(29);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'slot_unavailable')).toBe(true);
    const held = await t.app.db.select().from(appointments).where(eq(appointments.startsAt, new Date(slot!.startsAt)));
    expect(held).toHaveLength(1);
  });

  it.runIf(t.database === undefined ? process.env.DATABASE_URL?.startsWith('postgres') : true)(
    'holds across two app instances sharing one PostgreSQL',
    async ({ skip }) => {
      if (t.database.kind !== 'postgres') return skip();
      const second = await openDatabase({ kind: 'postgres', url: t.database.url });
      const other = await buildApp(testConfig(t.config.dataDir), { database: second, clock });
      try {
        const patients = await Promise.all(Array.from({ length: 30 }, () => buildUser(t.app, 'patient', h.hospital.id)));
        const clients = await Promise.all(patients.map((p, i) => signIn(i % 2 ? other : t.app, p)));
        const [slot] = await slotsOf(clients[0]!, h.doctor.id, 7, 7);
        const results = await Promise.all(clients.map((c) => request(c, h.doctor.id, slot!.startsAt)));
        const seen = JSON.stringify(results.map((r) => [r.status, r.body.code]));
        expect(results.filter((r) => r.status === 201), seen).toHaveLength(1);
        expect(results.filter((r) => r.status === 409), seen).toHaveLength(29);
      } finally {
        await other.close();
        await second.close();
      }
    },
  );
});

describe('concurrent writes of held time', () => {
  // PostgreSQL checks the no-overlap constraints of two writes at once by making each wait for the
  // other, a deadlock that its detector ends a second later with an error: a 500 to a patient. A
  // write first takes the doctor's and the patient's time (transition.ts), so writes queue instead.
  it.runIf(t.database === undefined ? process.env.DATABASE_URL?.startsWith('postgres') : true)(
    "a booking and a doctor's proposal wait while the doctor's time is held, then answer",
    async ({ skip }) => {
      if (t.database.kind !== 'postgres') return skip();
      const holder = new pg.Client({ connectionString: t.database.url });
      await holder.connect();
      const waitsForHolder = async (send: () => Promise<{ status: number }>, expected: number) => {
        await holder.query('begin');
        await holder.query('select pg_advisory_xact_lock($1, $2)', timeLockOf(h.doctor.id));
        let answered = false;
        const pending = send().then((r) => ((answered = true), r));
        await new Promise((r) => setTimeout(r, 400));
        expect(answered).toBe(false);
        await holder.query('commit');
        expect((await pending).status).toBe(expected);
      };
      try {
        const patient = await signIn(t.app, await buildUser(t.app, 'patient', h.hospital.id));
        const [slot, , other] = await slotsOf(patient, h.doctor.id, 14, 14);
        let id = '';
        await waitsForHolder(async () => {
          const res = await request(patient, h.doctor.id, slot!.startsAt);
          id = res.body.id;
          return res;
        }, 201);
        await waitsForHolder(() => h.as.doctor.post(`/api/appointments/${id}/propose`, { startsAt: other!.startsAt }), 200);
      } finally {
        await holder.end();
      }
    },
  );
});

describe('the lifecycle', () => {
  it('goes request → proposal → acceptance → scheduled, moving the held time', async () => {
    const [first, , , proposal] = await slotsOf(h.as.patient, h.doctor.id, 8, 8);
    const created = (await request(h.as.patient, h.doctor.id, first!.startsAt)).body;
    const proposed = await h.as.doctor.post(`/api/appointments/${created.id}/propose`, { startsAt: proposal!.startsAt, note: 'I am in surgery that morning' });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ status: 'pending', startsAt: proposal!.startsAt, requestedStartsAt: first!.startsAt, proposalNote: 'I am in surgery that morning' });
    const free = (await slotsOf(h.as.patient, h.doctor.id, 8, 8)).map((s) => s.startsAt);
    expect(free).toContain(first!.startsAt);
    expect(free).not.toContain(proposal!.startsAt);
    const patientView = await h.as.patient.get(`/api/appointments/${created.id}`);
    expect(patientView.body.actions).toEqual(['accept-proposal', 'decline-proposal', 'cancel']);
    const accepted = await h.as.patient.post(`/api/appointments/${created.id}/accept-proposal`, {});
    expect(accepted.body).toMatchObject({ status: 'scheduled', startsAt: proposal!.startsAt, requestedStartsAt: null });
    expect(new Date(accepted.body.paymentDueAt).getTime()).toBeLessThanOrEqual(new Date(proposal!.startsAt).getTime());
    expect(accepted.body.events.map((e: { action: string; actorRole: string }) => [e.action, e.actorRole])).toEqual([['request', 'patient'], ['propose', 'doctor'], ['accept-proposal', 'patient']]);
    const doctorInbox = (await h.as.doctor.get('/api/notifications')).body.items;
    expect(doctorInbox[0]).toMatchObject({ type: 'appointment.accept-proposal', appointmentId: created.id });
  });

  it('confirms at once when the hospital charges nothing', async () => {
    const free = await buildTenant(t.app, KTM);
    await t.app.db.update(hospitals).set({ appointmentFee: 0 }).where(eq(hospitals.id, free.hospital.id));
    await free.as.doctor.put(`/api/doctors/${free.doctor.id}/availability`, allWeek());
    const [slot] = await slotsOf(free.as.patient, free.doctor.id);
    const created = (await request(free.as.patient, free.doctor.id, slot!.startsAt)).body;
    const approved = await free.as.doctor.post(`/api/appointments/${created.id}/approve`, {});
    expect(approved.body.status).toBe('confirmed');
    expect(approved.body.events.map((e: { action: string; toStatus: string }) => [e.action, e.toStatus])).toEqual([['request', 'requested'], ['approve', 'scheduled'], ['confirm-free', 'confirmed']]);
  });

  it('rejects with a reason and frees the time', async () => {
    const [slot] = await slotsOf(h.as.patient, h.doctor.id, 9, 9);
    const created = (await request(h.as.patient, h.doctor.id, slot!.startsAt)).body;
    const noReason = await h.as.doctor.post(`/api/appointments/${created.id}/reject`, {});
    expect(noReason.body.code).toBe('validation_failed');
    const rejected = await h.as.doctor.post(`/api/appointments/${created.id}/reject`, { reason: 'Please see a dermatologist' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Please see a dermatologist', actions: [] });
    expect((await slotsOf(h.as.patient, h.doctor.id, 9, 9)).map((s) => s.startsAt)).toContain(slot!.startsAt);
    const inbox = (await h.as.patient.get('/api/notifications')).body.items;
    expect(inbox[0].message).toContain('Please see a dermatologist');
  });

  it('refuses actions out of turn or by the wrong person, and changes nothing', async () => {
    const [slot] = await slotsOf(h.as.patient, h.doctor.id, 10, 10);
    const created = (await request(h.as.patient, h.doctor.id, slot!.startsAt)).body;
    const before = await countRows();
    const tries: [Client, string, unknown, number, string][] = [
      [h.as.patient, 'approve', {}, 403, 'forbidden'],
      [h.as.doctor, 'accept-proposal', {}, 403, 'forbidden'],
      [h.as.patient, 'decline-proposal', {}, 409, 'invalid_transition'],
      [h.as.doctor, 'complete', { notes: 'x' }, 409, 'invalid_transition'],
      [h.as.doctor, 'start', {}, 409, 'invalid_transition'],
      [h.as.admin, 'approve', {}, 403, 'forbidden'],
      [h.as.doctor, 'approve', { extra: true }, 400, 'validation_failed'],
    ];
    for (const [client, action, body, status, code] of tries) {
      const res = await client.post(`/api/appointments/${created.id}/${action}`, body);
      expect({ action, status: res.status, code: res.body.code }).toEqual({ action, status, code });
    }
    expect(await countRows()).toEqual(before);
    expect((await h.as.patient.get(`/api/appointments/${created.id}`)).body.status).toBe('requested');
    const ok = await h.as.doctor.post(`/api/appointments/${created.id}/approve`, {});
    expect(ok.body.status).toBe('scheduled');
    const again = await h.as.doctor.post(`/api/appointments/${created.id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_transition');
    expect(again.body.detail).toBe('Cannot approve an appointment that is scheduled');
  });

  it('allows cancelling only before the cut-off, and completing only once the visit began', async () => {
    const soon = await buildTenant(t.app, KTM);
    await soon.as.doctor.put(`/api/doctors/${soon.doctor.id}/availability`, allWeek(5));
    const [slot] = (await slotsOf(soon.as.patient, soon.doctor.id, 0, 1)).filter((s) => new Date(s.startsAt).getTime() > now() + 10 * 60_000);
    const created = (await request(soon.as.patient, soon.doctor.id, slot!.startsAt)).body;
    expect(created.actions).toEqual([]);
    const late = await soon.as.patient.post(`/api/appointments/${created.id}/cancel`, { reason: 'Feeling better' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('cancel_too_late');
    await soon.as.doctor.post(`/api/appointments/${created.id}/approve`, {});
    await t.app.db.update(appointments).set({ status: 'confirmed' }).where(eq(appointments.id, created.id));
    const early = await soon.as.doctor.post(`/api/appointments/${created.id}/complete`, { notes: 'Fine' });
    expect(early.body.code).toBe('too_early');
    const started = await soon.as.doctor.post(`/api/appointments/${created.id}/start`, {});
    expect(started.body.status).toBe('in_progress');
    await t.app.db.update(appointments).set({ startsAt: new Date(now() - 60_000), endsAt: new Date(now() + 240_000) }).where(eq(appointments.id, created.id));
    const done = await soon.as.doctor.post(`/api/appointments/${created.id}/complete`, { notes: 'Rest and fluids' });
    expect(done.body).toMatchObject({ status: 'completed', notes: 'Rest and fluids' });
  });

  it('cancels unpaid and unanswered appointments by themselves, freeing the time', async () => {
    const [a, b] = await slotsOf(h.as.patient, h.doctor.id, 11, 11);
    const unpaid = (await request(h.as.patient, h.doctor.id, a!.startsAt)).body;
    const unanswered = (await request(h.as.patient, h.doctor.id, b!.startsAt)).body;
    await h.as.doctor.post(`/api/appointments/${unpaid.id}/approve`, {});
    expect(await expireOverdue(systemCtx(t.app, 'test: the sweep'), clock.now())).toBe(0);
    const later = new Date(now() + 30 * 86_400_000);
    expect(await expireOverdue(systemCtx(t.app, 'test: the sweep'), later)).toBeGreaterThanOrEqual(2);
    const paid = (await h.as.patient.get(`/api/appointments/${unpaid.id}`)).body;
    expect(paid).toMatchObject({ status: 'cancelled', cancellationReason: 'The fee was not paid in time' });
    expect(paid.events.at(-1)).toMatchObject({ action: 'expire', actorId: null });
    expect((await h.as.patient.get(`/api/appointments/${unanswered.id}`)).body.cancellationReason).toBe('The request was not answered before its time');
    expect((await slotsOf(h.as.patient, h.doctor.id, 11, 11)).map((s) => s.startsAt)).toEqual(expect.arrayContaining([a!.startsAt, b!.startsAt]));
    expect(await expireOverdue(systemCtx(t.app, 'test: the sweep'), later)).toBe(0);
  });
});

describe('lists, calendar and notifications', () => {
  it('shows each person their own appointments and the admin the hospital', async () => {
    const stranger = await signIn(t.app, await buildUser(t.app, 'patient', h.hospital.id));
    expect((await stranger.get('/api/appointments')).body).toEqual({ items: [], total: 0 });
    const mine = (await h.as.patient.get('/api/appointments?limit=200')).body;
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((a: { patient: { id: string } }) => a.patient.id === h.patient.id)).toBe(true);
    const theirs = (await h.as.doctor.get('/api/appointments?status=requested,scheduled&limit=200')).body;
    expect(theirs.items.every((a: { status: string; doctor: { id: string } }) => ['requested', 'scheduled'].includes(a.status) && a.doctor.id === h.doctor.id)).toBe(true);
    const hospital = (await h.as.admin.get('/api/appointments?limit=200')).body;
    expect(hospital.total).toBeGreaterThanOrEqual(mine.total);
    const starts = hospital.items.map((a: { startsAt: string }) => a.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect((await h.as.admin.get('/api/appointments?status=nonsense')).status).toBe(400);
    const other = await buildTenant(t.app, KTM);
    expect((await h.as.admin.get(`/api/appointments?hospitalId=${other.hospital.id}`)).body).toEqual({ items: [], total: 0 });
    expect((await h.as.admin.get(`/api/appointments?hospitalId=${h.hospital.id}&limit=200`)).body.total).toBe(hospital.total);
    const own = mine.items[0];
    expect((await stranger.get(`/api/appointments/${own.id}`)).status).toBe(404);
  });

  it('serves each person their own list from the query prepared for its shape, the totals too', async () => {
    // The same question from people of the same kind, one after another: the query is prepared
    // once; every id, date and page number goes in with each request, nothing stays from the first.
    const other = await buildTenant(t.app, KTM);
    const page = '/api/appointments?order=desc&limit=1&offset=0';
    const full = (await h.as.admin.get('/api/appointments?limit=200')).body.total;
    expect(full).toBeGreaterThan(1);
    for (let round = 0; round < 2; round++) {
      expect((await h.as.admin.get(page)).body.total).toBe(full); // a full page: the count runs, for this hospital
      expect((await other.as.admin.get(page)).body).toEqual({ items: [], total: 0 });
      expect((await other.as.admin.get('/api/appointments?order=desc&limit=1&offset=1')).body).toEqual({ items: [], total: 0 });
      expect((await other.as.patient.get(page)).body).toEqual({ items: [], total: 0 });
      const mine = (await h.as.patient.get(page)).body;
      expect(mine.items.map((a: { patient: { id: string } }) => a.patient.id)).toEqual([h.patient.id]);
      const day = (await h.as.doctor.get(page)).body.items[0];
      const from = new Date(new Date(day.startsAt).getTime() - 60_000).toISOString();
      const to = new Date(new Date(day.startsAt).getTime() + 60_000).toISOString();
      const around = `/api/appointments?from=${from}&to=${to}&order=asc&limit=50&offset=0`;
      expect((await h.as.doctor.get(around)).body.items.map((a: { id: string }) => a.id)).toEqual([day.id]);
      expect((await other.as.doctor.get(around)).body).toEqual({ items: [], total: 0 });
    }
  });

  it('exports an appointment as iCalendar without medical details', async () => {
    const [slot] = await slotsOf(h.as.patient, h.doctor.id, 12, 12);
    const created = (await request(h.as.patient, h.doctor.id, slot!.startsAt, 'Private; symptoms, here')).body;
    const res = await h.as.patient.get(`/api/appointments/${created.id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.headers['content-disposition']).toContain('attachment');
    const text = res.body as string;
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(`DTSTART:${slot!.startsAt.replace(/[-:]/g, '').replace('.000', '')}`);
    expect(unfolded).toContain(`UID:${created.id}@telemedicine`);
    expect(unfolded).toContain('STATUS:TENTATIVE');
    expect(unfolded).not.toContain('symptoms');
    expect((await (await signIn(t.app, await buildUser(t.app, 'patient', h.hospital.id))).get(`/api/appointments/${created.id}/calendar.ics`)).status).toBe(404);
  });

  it('follows the appointment in the .ics: TENTATIVE until confirmed, CANCELLED once off, SEQUENCE growing', async () => {
    const ics = async (client: Client, id: string) => {
      const res = await client.get(`/api/appointments/${id}/calendar.ics`);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const text = (res.body as string).replace(/\r\n /g, '');
      const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(text)?.[1]?.replace(/\\([,;\\])/g, '$1');
      return { status: field('STATUS'), sequence: Number(field('SEQUENCE')), description: field('DESCRIPTION') ?? '', summary: field('SUMMARY') };
    };
    // A hospital of its own, so these visits leave the shared doctor's notifications alone.
    const c = await buildTenant(t.app);
    await c.as.doctor.put(`/api/doctors/${c.doctor.id}/availability`, allWeek());
    const [a, b] = await slotsOf(c.as.patient, c.doctor.id, 13, 13);
    const created = (await request(c.as.patient, c.doctor.id, a!.startsAt, 'Private; symptoms, here')).body;
    const requested = await ics(c.as.patient, created.id);
    expect(requested).toMatchObject({ status: 'TENTATIVE', sequence: 0, summary: expect.stringMatching(/^Video visit with Dr Asha Sharma /) });
    expect(requested.description).toContain('not agreed yet');

    // Agreed but unpaid: still tentative, and it says the fee is due rather than "join".
    await c.as.doctor.post(`/api/appointments/${created.id}/approve`, {});
    const unpaid = await ics(c.as.patient, created.id);
    expect(unpaid).toMatchObject({ status: 'TENTATIVE', sequence: 1 });
    expect(unpaid.description).toContain('the fee of Rs 500.00 is due by ');
    expect(unpaid.description).toContain('cancelled automatically');
    expect(unpaid.description).not.toContain('Join from the appointment page');
    expect(unpaid.description).not.toContain('symptoms');

    await c.as.patient.post(`/api/appointments/${created.id}/cancel`, { reason: 'Feeling better; private detail' });
    const cancelled = await ics(c.as.doctor, created.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 2, summary: expect.stringMatching(/^Video visit: /) });
    expect(cancelled.description).not.toContain('private detail');

    const declined = (await request(c.as.patient, c.doctor.id, b!.startsAt)).body;
    await c.as.doctor.post(`/api/appointments/${declined.id}/reject`, { reason: 'Not my field' });
    expect(await ics(c.as.patient, declined.id)).toMatchObject({ status: 'CANCELLED', sequence: 1 });

    // Confirmed (a free visit is confirmed on approval): CONFIRMED, and now one joins from the page.
    const free = await buildTenant(t.app);
    await t.app.db.update(hospitals).set({ appointmentFee: 0 }).where(eq(hospitals.id, free.hospital.id));
    await free.as.doctor.put(`/api/doctors/${free.doctor.id}/availability`, allWeek());
    const [slot] = await slotsOf(free.as.patient, free.doctor.id);
    const visit = (await request(free.as.patient, free.doctor.id, slot!.startsAt)).body;
    await free.as.doctor.post(`/api/appointments/${visit.id}/approve`, {});
    const confirmed = await ics(free.as.patient, visit.id);
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', sequence: 2 });
    expect(confirmed.description).toContain('Join from the appointment page');
  });

  it('marks notifications read, one or all, and only one’s own', async () => {
    const list = (await h.as.doctor.get('/api/notifications')).body;
    expect(list.unread).toBeGreaterThan(1);
    const first = list.items[0];
    const read = await h.as.doctor.post(`/api/notifications/${first.id}/read`);
    expect(read.body.readAt).not.toBeNull();
    expect((await h.as.doctor.get('/api/notifications')).body.unread).toBe(list.unread - 1);
    expect((await h.as.patient.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    expect((await h.as.doctor.get('/api/notifications?unread=true')).body.items.every((n: { readAt: null }) => n.readAt === null)).toBe(true);
    const all = await h.as.doctor.post('/api/notifications/read-all');
    expect(all.body.marked).toBe(list.unread - 1);
    expect((await h.as.doctor.get('/api/notifications')).body.unread).toBe(0);
  });

  it('gives each person their own notifications, totals and unread count from the queries shared by all', async () => {
    // Two doctors, one after the other, through the same prepared queries: one with three requests, one with one.
    const [busy, quiet] = [await buildUser(t.app, 'doctor', h.hospital.id), await buildUser(t.app, 'doctor', h.hospital.id)];
    const [busyClient, quietClient] = [await signIn(t.app, busy), await signIn(t.app, quiet)];
    for (const [doctor, client, n, day] of [[busy, busyClient, 3, 5], [quiet, quietClient, 1, 6]] as const) {
      await client.put(`/api/doctors/${doctor.id}/availability`, allWeek());
      const slots = await slotsOf(h.as.patient, doctor.id, day, day);
      for (const slot of slots.slice(0, n)) expect((await request(h.as.patient, doctor.id, slot.startsAt)).status).toBe(201);
    }
    const ids = (body: { items: { id: string }[] }) => body.items.map((x) => x.id);
    const busyAll = (await busyClient.get('/api/notifications?limit=2')).body;
    expect(busyAll).toMatchObject({ total: 3, unread: 3 });
    expect(busyAll.items).toHaveLength(2);
    const quietAll = (await quietClient.get('/api/notifications?limit=2')).body;
    expect(quietAll).toMatchObject({ total: 1, unread: 1 });
    expect(ids(quietAll).filter((id) => ids(busyAll).includes(id))).toEqual([]);
    // The last page, and past the end: the counts are the same.
    expect((await busyClient.get('/api/notifications?limit=2&offset=2')).body).toMatchObject({ total: 3, unread: 3, items: [{ id: expect.any(String) }] });
    expect((await busyClient.get('/api/notifications?limit=2&offset=10')).body).toEqual({ items: [], total: 3, unread: 3 });
    expect((await busyClient.post(`/api/notifications/${busyAll.items[0].id}/read`)).status).toBe(200);
    expect((await busyClient.get('/api/notifications?unread=true&limit=1&offset=5')).body).toEqual({ items: [], total: 2, unread: 2 });
    expect((await busyClient.get('/api/notifications?limit=1')).body).toMatchObject({ total: 3, unread: 2 });
    await quietClient.post('/api/notifications/read-all');
    expect((await quietClient.get('/api/notifications?unread=true&limit=1')).body).toEqual({ items: [], total: 0, unread: 0 });
    expect((await busyClient.get('/api/notifications?unread=true&limit=1')).body).toMatchObject({ total: 2, unread: 2 });
    expect((await quietClient.get('/api/notifications?limit=1')).body).toMatchObject({ total: 1, unread: 0 });
  });

  it('audits what staff read of patients and appointments, lists as one row with the count', async () => {
    const tenant = await buildTenant(t.app, KTM);
    await tenant.as.doctor.put(`/api/doctors/${tenant.doctor.id}/availability`, allWeek());
    const [slot] = await slotsOf(tenant.as.patient, tenant.doctor.id, 4, 4);
    const id = (await request(tenant.as.patient, tenant.doctor.id, slot!.startsAt)).body.id;
    const trail = async (action: string) =>
      (await t.app.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.hospitalId, tenant.hospital.id))));
    await tenant.as.doctor.get(`/api/appointments/${id}`);
    await tenant.as.patient.get('/api/appointments');
    expect(await trail('appointment.viewed')).toHaveLength(0);
    expect(await trail('appointment.listed')).toHaveLength(0);
    await tenant.as.admin.get(`/api/hospitals/${tenant.hospital.id}/patients`);
    expect(await trail('patient.listed')).toMatchObject([{ actorId: tenant.admin.id, details: { count: 1 } }]);
    await tenant.as.admin.get('/api/appointments');
    expect(await trail('appointment.listed')).toMatchObject([{ actorId: tenant.admin.id, details: { count: 1 } }]);
    await tenant.as.admin.get(`/api/appointments/${id}`);
    expect(await trail('appointment.viewed')).toMatchObject([{ actorId: tenant.admin.id, entityId: id }]);
  });

  it('marks an appointment\'s notifications read when its doctor or patient opens it or acts on it', async () => {
    const tenant = await buildTenant(t.app, KTM);
    await tenant.as.doctor.put(`/api/doctors/${tenant.doctor.id}/availability`, allWeek());
    const [one, two] = await slotsOf(tenant.as.patient, tenant.doctor.id, 3, 3);
    const first = (await request(tenant.as.patient, tenant.doctor.id, one!.startsAt)).body.id;
    const second = (await request(tenant.as.patient, tenant.doctor.id, two!.startsAt)).body.id;
    const unreadOf = async (client: Client, id: string) =>
      (await client.get('/api/notifications?unread=true')).body.items.filter((n: { appointmentId: string }) => n.appointmentId === id).length;
    expect(await unreadOf(tenant.as.doctor, first)).toBe(1);
    // Staff reading the appointment leave the doctor's notifications alone.
    await tenant.as.admin.get(`/api/appointments/${first}`);
    expect(await unreadOf(tenant.as.doctor, first)).toBe(1);
    await tenant.as.doctor.get(`/api/appointments/${first}`);
    expect(await unreadOf(tenant.as.doctor, first)).toBe(0);
    expect(await unreadOf(tenant.as.doctor, second)).toBe(1);
    await tenant.as.doctor.post(`/api/appointments/${second}/approve`, {});
    expect(await unreadOf(tenant.as.doctor, second)).toBe(0);
    // The patient's own notification of the approval stays unread until they look.
    expect(await unreadOf(tenant.as.patient, second)).toBe(1);
  });
});

void buildHospital;
