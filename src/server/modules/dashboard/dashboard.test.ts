import { beforeAll, describe, expect, it } from 'vitest';
import { DOCTOR_DASHBOARD, PATIENT_DASHBOARD } from '../../../contracts/dashboard.js';
import { allWeek, slotsOf } from '../../test/appointments.js';
import { ManualClock } from '../../test/clock.js';
import { buildTwoHospitals, type Tenant } from '../../test/factories.js';
import { Client, useTestApp } from '../../test/harness.js';
import { expectProblem } from '../../test/problems.js';

const clock = new ManualClock('2030-01-14T04:00:00Z');
const t = useTestApp({}, { clock });
let A: Tenant;
let B: Tenant;
/** The day of the booked visits, as a browser a few hours west of the hospital bounds it. */
let day: { from: string; to: string };

/** What the dashboard's panels asked for one by one before. */
async function separately(patient: Client, id: string) {
  const { upcoming: u, notifications: n } = PATIENT_DASHBOARD;
  const [me, list, inbox, unread] = await Promise.all([
    patient.get(`/api/patients/${id}`),
    patient.get(`/api/appointments?status=${u.status.join(',')}&order=${u.order}&limit=${u.limit}&offset=${u.offset}`),
    patient.get(`/api/notifications?limit=${n.limit}&offset=${n.offset}`),
    patient.get('/api/chat/unread'),
  ]);
  for (const res of [me, list, inbox, unread]) expect(res.status).toBe(200);
  return { patient: me.body, upcoming: list.body, notifications: inbox.body, chatUnread: unread.body };
}

beforeAll(async () => {
  ({ A, B } = await buildTwoHospitals(t.app));
  for (const h of [A, B]) {
    expect((await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek())).status).toBe(200);
    // Seven visits (more than the panel shows), the first approved, with a word from the doctor.
    const slots = await slotsOf(h.as.patient, h.doctor.id, 1, 1);
    const from = new Date(Date.parse(slots[0]!.startsAt) - 6 * 3_600_000);
    day = { from: from.toISOString(), to: new Date(from.getTime() + 24 * 3_600_000).toISOString() };
    const ids: string[] = [];
    for (const slot of slots.slice(0, 7)) {
      const res = await h.as.patient.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot.startsAt, symptoms: 'Cough' });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    expect((await h.as.doctor.post(`/api/appointments/${ids[0]}/approve`, {})).status).toBe(200);
    expect((await h.as.doctor.post(`/api/appointments/${ids[0]}/messages`, { text: 'See you then' })).status).toBe(201);
  }
});

describe('a patient\'s dashboard', () => {
  it('answers in one call exactly what its panels\' own calls answer', async () => {
    const res = await A.as.patient.get('/api/dashboard');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(await separately(A.as.patient, A.patient.id));
    expect(res.body.patient.id).toBe(A.patient.id);
    expect(res.body.upcoming).toMatchObject({ total: 7 });
    expect(res.body.upcoming.items).toHaveLength(5);
    expect(res.body.notifications.items.map((n: { type: string }) => n.type)).toContain('appointment.approve');
    expect(res.body.chatUnread.total).toBe(1);
  });

  it('holds only the asker\'s own records, in each hospital', async () => {
    const [a, b] = [(await A.as.patient.get('/api/dashboard')).body, (await B.as.patient.get('/api/dashboard')).body];
    expect(b).toEqual(await separately(B.as.patient, B.patient.id));
    for (const [d, h] of [[a, A], [b, B]] as const) {
      expect(d.upcoming.items.every((x: { patient: { id: string }; doctor: { id: string } }) => x.patient.id === h.patient.id && x.doctor.id === h.doctor.id)).toBe(true);
    }
    const ids = (d: typeof a) => [...d.upcoming.items.map((x: { id: string }) => x.id), ...d.chatUnread.byAppointment.map((x: { appointmentId: string }) => x.appointmentId)];
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
  });

  it('is a patient\'s page: refused to staff and doctors, and to the signed out', async () => {
    for (const client of [A.as.doctor, A.as.admin]) expectProblem(await client.get('/api/dashboard'), 403, 'forbidden');
    expectProblem(await new Client(t.app).get('/api/dashboard'), 401, 'unauthenticated');
  });
});

/** What the doctor's dashboard asked for one by one before. */
async function doctorSeparately(doctor: Client, id: string) {
  const { requests: r, today: d, notifications: n } = DOCTOR_DASHBOARD;
  const responses = await Promise.all([
    doctor.get(`/api/doctors/${id}`),
    doctor.get(`/api/doctors/${id}/availability`),
    doctor.get(`/api/appointments?status=${r.status.join(',')}&order=${r.order}&limit=${r.limit}&offset=${r.offset}`),
    doctor.get(`/api/appointments?status=${d.status.join(',')}&from=${encodeURIComponent(day.from)}&to=${encodeURIComponent(day.to)}&order=${d.order}&limit=${d.limit}&offset=${d.offset}`),
    doctor.get(`/api/notifications?limit=${n.limit}&offset=${n.offset}`),
    doctor.get('/api/chat/unread'),
  ]);
  for (const res of responses) expect(res.status).toBe(200);
  const [me, hours, requests, today, notifications, chatUnread] = responses.map((res) => res.body);
  return { doctor: me, availability: hours, requests, today, notifications, chatUnread };
}

const doctorDashboard = (doctor: Client, q = day) => doctor.get(`/api/dashboard/doctor?from=${encodeURIComponent(q.from)}&to=${encodeURIComponent(q.to)}`);

describe('a doctor\'s dashboard', () => {
  it('answers in one call exactly what its panels\' own calls answer', async () => {
    const res = await doctorDashboard(A.as.doctor);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(await doctorSeparately(A.as.doctor, A.doctor.id));
    expect(res.body.doctor).toMatchObject({ id: A.doctor.id, licenseNumber: expect.any(String) });
    expect(res.body.availability.windows.length).toBeGreaterThan(0);
    // Six requests wait (one of the seven was approved); the panel shows five. The day holds all seven.
    expect(res.body.requests).toMatchObject({ total: 6 });
    expect(res.body.requests.items).toHaveLength(5);
    expect(res.body.today).toMatchObject({ total: 7 });
    expect(res.body.notifications.items.map((n: { type: string }) => n.type)).toContain('appointment.request');
  });

  it('holds only the doctor\'s own records, in each hospital, and only the day asked for', async () => {
    const [a, b] = [(await doctorDashboard(A.as.doctor)).body, (await doctorDashboard(B.as.doctor)).body];
    expect(b).toEqual(await doctorSeparately(B.as.doctor, B.doctor.id));
    for (const [d, h] of [[a, A], [b, B]] as const)
      for (const x of [...d.requests.items, ...d.today.items]) expect(x).toMatchObject({ doctor: { id: h.doctor.id }, hospitalId: h.hospital.id });
    const nextDay = { from: day.to, to: new Date(Date.parse(day.to) + 24 * 3_600_000).toISOString() };
    const later = (await doctorDashboard(A.as.doctor, nextDay)).body;
    expect(later.today).toMatchObject({ total: 0, items: [] });
    expect(later.requests).toEqual(a.requests);
  });

  it('refuses bad day bounds with a clear error', async () => {
    expectProblem(await A.as.doctor.get('/api/dashboard/doctor'), 400, 'validation_failed');
    expectProblem(await doctorDashboard(A.as.doctor, { from: day.to, to: day.from }), 400, 'validation_failed');
    expectProblem(await doctorDashboard(A.as.doctor, { from: day.from, to: new Date(Date.parse(day.from) + 3 * 86_400_000).toISOString() }), 400, 'validation_failed');
    expectProblem(await doctorDashboard(A.as.doctor, { from: 'yesterday', to: day.to }), 400, 'validation_failed');
  });

  it('is a doctor\'s page: refused to patients and staff, and to the signed out', async () => {
    for (const client of [A.as.patient, A.as.admin]) expectProblem(await doctorDashboard(client), 403, 'forbidden');
    expectProblem(await doctorDashboard(new Client(t.app)), 401, 'unauthenticated');
  });
});
