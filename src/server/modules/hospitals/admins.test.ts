import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/index.js';
import { buildTenant, buildUser, signIn } from '../../test/factories.js';
import { Client, useTestApp } from '../../test/harness.js';

const t = useTestApp();

describe('hospital admins', () => {
  it('edit their own name and phone, but not their activation or a colleague', async () => {
    const h = await buildTenant(t.app);
    const colleague = await buildUser(t.app, 'hospital_admin', h.hospital.id);
    const own = await h.as.admin.patch(`/api/admins/${h.admin.id}`, { firstName: 'Nirmala', phone: '+977 9841000000' });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ firstName: 'Nirmala', phone: '+977 9841000000', isActive: true });
    const deactivateSelf = await h.as.admin.patch(`/api/admins/${h.admin.id}`, { isActive: false });
    expect(deactivateSelf.status).toBe(403);
    const other = await h.as.admin.patch(`/api/admins/${colleague.id}`, { firstName: 'Changed' });
    expect(other.status).toBe(403);
    expect((await h.as.admin.get(`/api/hospitals/${h.hospital.id}/admins`)).body.items.find((a: { id: string }) => a.id === colleague.id).firstName).not.toBe('Changed');
  });
});

describe('specializations', () => {
  it('lists the distinct specializations of active doctors', async () => {
    const h = await buildTenant(t.app);
    const doctor = await buildUser(t.app, 'doctor', h.hospital.id);
    await h.as.admin.patch(`/api/doctors/${doctor.id}`, { specialization: 'Dermatology' });
    const gone = await buildUser(t.app, 'doctor', h.hospital.id);
    await h.as.admin.patch(`/api/doctors/${gone.id}`, { specialization: 'Radiology', isActive: false });
    const res = await h.as.patient.get(`/api/hospitals/${h.hospital.id}/specializations`);
    expect(res.body).toEqual({ items: ['Cardiology', 'Dermatology'] });
  });
});

describe('self sign-up', () => {
  it('records the new patient as the actor of their creation', async () => {
    const h = await buildTenant(t.app);
    const res = await new Client(t.app).post('/api/auth/signup', { email: 'new.patient@example.com', password: 'a-long-password', firstName: 'Gita', lastName: 'KC', hospitalId: h.hospital.id });
    const [created] = await t.app.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.created'), eq(auditEvents.entityId, res.body.user.id)));
    expect(created).toMatchObject({ actorId: res.body.user.id, actorEmail: 'new.patient@example.com' });
  });
});

describe('input normalisation', () => {
  it('spells time zones properly and refuses a birth date in the future', async () => {
    const h = await buildTenant(t.app);
    const root = await signIn(t.app, await buildUser(t.app, 'super_admin', null));
    const upper = await root.patch(`/api/hospitals/${h.hospital.id}`, { timezone: 'america/new_york' });
    expect(upper.body.timezone).toBe('America/New_York');
    expect((await root.patch(`/api/hospitals/${h.hospital.id}`, { timezone: 'asia/kathmandu' })).status).toBe(400);
    const future = await h.as.patient.patch(`/api/patients/${h.patient.id}`, { dateOfBirth: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe('dateOfBirth');
  });
});
