import { readdirSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { appointments, auditEvents, availabilityExceptions, chatMessages, doctorProfiles, hospitals, patientProfiles, users } from './db/schema/index.js';
import { allWeek, slotsOf } from './test/appointments.js';
import { type Tenant, buildSuperAdmin, buildTenant } from './test/factories.js';
import { Client, useTestApp } from './test/harness.js';
import { multipartFile, multipartForm, TINY_PNG } from './test/multipart.js';
import { expectProblem } from './test/problems.js';
import { connect, listen } from './test/sockets.js';

/** Every bad input gets a clear 4xx in problem+json and changes nothing: never a 500. */
const t = useTestApp();
let h: Tenant;
let root: Client;
let appointmentId: string;

const NUL = 'before\u0000after';
const tables = { users, hospitals, doctorProfiles, patientProfiles, appointments, availabilityExceptions, chatMessages };
const rowCounts = async () =>
  Object.fromEntries(await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, (await t.app.db.select({ n: count() }).from(table))[0]!.n])));

beforeAll(async () => {
  h = await buildTenant(t.app);
  root = (await buildSuperAdmin(t.app)).client;
  await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek());
  const [slot] = await slotsOf(h.as.patient, h.doctor.id);
  appointmentId = (await h.as.patient.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: 'Cough' })).body.id;
});

describe('control characters', () => {
  it('are refused in every free-text field and query parameter, and nothing changes', async () => {
    const before = await rowCounts();
    const pwd = 'a-long-password-1';
    const cases: [Client, 'POST' | 'PATCH' | 'PUT' | 'GET', string, unknown, string][] = [
      [new Client(t.app), 'POST', '/api/auth/signup', { email: 'nul@example.com', password: pwd, firstName: NUL, lastName: 'Rai', hospitalId: h.hospital.id }, 'firstName'],
      [new Client(t.app), 'POST', '/api/auth/signup', { email: 'nul@example.com', password: pwd, firstName: 'Sita', lastName: 'R\u0007ai', hospitalId: h.hospital.id }, 'lastName'],
      [root, 'POST', `/api/hospitals/${h.hospital.id}/admins`, { email: 'a@example.com', password: pwd, firstName: NUL, lastName: 'X' }, 'firstName'],
      [root, 'POST', '/api/hospitals', { name: NUL, address: 'x', phone: '+977 1 4000000', email: 'h@example.com', timezone: 'Asia/Kathmandu', appointmentFee: 0 }, 'name'],
      [h.as.admin, 'PATCH', `/api/hospitals/${h.hospital.id}`, { address: NUL }, 'address'],
      [h.as.admin, 'PATCH', `/api/doctors/${h.doctor.id}`, { bio: NUL }, 'bio'],
      [h.as.admin, 'PATCH', `/api/doctors/${h.doctor.id}`, { licenseNumber: `NMC\u0000-1` }, 'licenseNumber'],
      [h.as.admin, 'PATCH', `/api/patients/${h.patient.id}`, { medicalHistory: NUL }, 'medicalHistory'],
      [h.as.patient, 'PATCH', `/api/patients/${h.patient.id}`, { allergies: NUL }, 'allergies'],
      [h.as.doctor, 'PUT', `/api/doctors/${h.doctor.id}/availability`, { ...allWeek(), exceptions: [{ date: '2030-01-07', kind: 'off', note: NUL }] }, 'exceptions.0.note'],
      [h.as.patient, 'POST', '/api/appointments', { doctorId: h.doctor.id, startsAt: '2030-01-07T04:15:00.000Z', symptoms: NUL }, 'symptoms'],
      [h.as.patient, 'POST', `/api/appointments/${appointmentId}/cancel`, { reason: NUL }, 'reason'],
      [h.as.doctor, 'POST', `/api/appointments/${appointmentId}/reject`, { reason: NUL }, 'reason'],
      [h.as.patient, 'POST', `/api/appointments/${appointmentId}/messages`, { text: NUL }, 'text'],
    ];
    for (const [client, method, url, body, path] of cases) {
      const res = await client.request(method, url, body);
      expect(res.status, `${method} ${url} ${path}`).toBe(400);
      expectProblem(res, 400, 'validation_failed', path);
    }
    for (const url of [
      `/api/hospitals/${h.hospital.id}/doctors?q=${encodeURIComponent(NUL)}`,
      `/api/hospitals/${h.hospital.id}/doctors?specialization=${encodeURIComponent(NUL)}`,
      `/api/hospitals/${h.hospital.id}/patients?q=${encodeURIComponent(NUL)}`,
      `/api/hospitals?q=${encodeURIComponent(NUL)}`,
      `/api/audit?action=${encodeURIComponent(NUL)}`,
    ])
      expectProblem(await (url.includes('/api/hospitals?') || url.includes('audit') ? root : h.as.admin).get(url), 400, 'validation_failed');
    expectProblem(await h.as.patient.delete(`/api/auth/sessions/${encodeURIComponent('x'.repeat(12) + '\u0000')}`), 400, 'validation_failed');
    const caption = multipartForm([
      { name: 'text', data: NUL },
      { name: 'file', filename: 'scan.png', type: 'image/png', data: TINY_PNG },
    ]);
    expectProblem(await h.as.patient.request('POST', `/api/appointments/${appointmentId}/messages`, caption.payload, caption.headers), 400, 'validation_failed', 'text');
    expect(await rowCounts()).toEqual(before);
  });

  it('are refused over the chat socket, which stays open', async () => {
    const base = await listen(t.app);
    const s = await connect(base, `/ws/chat/${appointmentId}/`, h.as.patient.cookie);
    s.send({ type: 'chat.send', clientId: 'nul-1', text: NUL });
    expect((await s.next('error')).code).toBe('bad_message');
    s.send({ type: 'ping' });
    await s.next('pong');
    s.close();
    expect((await t.app.db.select({ n: count() }).from(chatMessages))[0]!.n).toBe(0);
  });
});

describe('malformed requests', () => {
  it('answer a cut-off or boundary-less multipart body with 400', async () => {
    const form = multipartFile(TINY_PNG, 'scan.png', 'image/png');
    const truncated = form.payload.subarray(0, form.payload.length - 30);
    expectProblem(await h.as.patient.request('POST', `/api/appointments/${appointmentId}/messages`, truncated, form.headers), 400, 'validation_failed');
    expectProblem(await h.as.patient.request('POST', `/api/appointments/${appointmentId}/messages`, form.payload, { 'content-type': 'multipart/form-data' }), 400, 'validation_failed');
    expectProblem(await h.as.admin.request('PUT', `/api/doctors/${h.doctor.id}/picture`, truncated, form.headers), 400, 'validation_failed');
    expect((await t.app.db.select({ n: count() }).from(chatMessages))[0]!.n).toBe(0);
  });

  it('refuse dates a schedule cannot mean', async () => {
    for (const date of ['0000-01-01', '1899-12-31', '9999-12-31'])
      expectProblem(await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, { ...allWeek(), exceptions: [{ date, kind: 'off' }] }), 400, 'validation_failed');
    expectProblem(await h.as.patient.get(`/api/doctors/${h.doctor.id}/slots?from=0000-01-01&to=0000-01-02`), 400, 'validation_failed');
  });

  it('refuse a compressed body: it is not inflated', async () => {
    const audited = (await t.app.db.select({ n: count() }).from(auditEvents))[0]!.n;
    const body = gzipSync(JSON.stringify({ email: 'sita@example.test', password: 'x'.repeat(12) }));
    const res = await new Client(t.app).request('POST', '/api/auth/login', body, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expectProblem(res, 415, 'unsupported_media_type');
    expect(res.body.detail).toMatch(/compressed/);
    expect((await t.app.db.select({ n: count() }).from(auditEvents))[0]!.n).toBe(audited);
  });

  it('answer router-level errors with problem+json too', async () => {
    const client = new Client(t.app);
    expectProblem(await client.get(`/api/doctors/${'a'.repeat(200)}`), 414, 'uri_too_long');
    expectProblem(await client.get('/api/doctors/%E0%A4%A'), 400, 'validation_failed');
  });

  it('answer what the HTTP parser refuses with problem+json', async () => {
    const base = new URL(await listen(t.app));
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = tcpConnect(Number(base.port), base.hostname, () => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => (data += d));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, code: 'validation_failed' });
  });
});

describe('uploads and patches', () => {
  it('refuse a doctor picture over 2 MiB with 413 and store nothing', async () => {
    const dir = join(t.config.uploadsDir, 'pictures');
    const files = () => { try { return readdirSync(dir).length; } catch { return 0; } };
    const before = files();
    for (const mib of [2.5, 3, 5]) {
      const big = Buffer.concat([TINY_PNG, Buffer.alloc(Math.round(mib * 1024 * 1024) - TINY_PNG.length, 1)]);
      const form = multipartFile(big, 'me.png', 'image/png');
      expectProblem(await h.as.admin.request('PUT', `/api/doctors/${h.doctor.id}/picture`, form.payload, form.headers), 413, 'payload_too_large');
    }
    expect(files()).toBe(before);
    expect((await h.as.admin.get(`/api/doctors/${h.doctor.id}`)).body.pictureUrl).toBeNull();
  });

  it('answer an empty patch with 400 on every patch route', async () => {
    const audit = (await t.app.db.select({ n: count() }).from(auditEvents))[0]!.n;
    for (const [client, url] of [
      [root, `/api/admins/${h.admin.id}`],
      [h.as.admin, `/api/admins/${h.admin.id}`],
      [h.as.admin, `/api/hospitals/${h.hospital.id}`],
      [h.as.admin, `/api/doctors/${h.doctor.id}`],
      [h.as.admin, `/api/patients/${h.patient.id}`],
    ] as const) {
      const res = await client.patch(url, {});
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors[0].message).toBe('Nothing to change');
    }
    expect((await t.app.db.select({ n: count() }).from(auditEvents))[0]!.n).toBe(audit);
  });
});
