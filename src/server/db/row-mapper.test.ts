import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { appointmentColumns, selectAppointments } from '../modules/appointments/appointments.queries.js';
import { allWeek, slotsOf } from '../test/appointments.js';
import { buildTenant, type Tenant } from '../test/factories.js';
import { useTestApp } from '../test/harness.js';
import type { Tx } from './client.js';
import { totalOver } from './page.js';
import { mapRowsOnce } from './row-mapper.js';
import { doctorProfiles, hospitals, users } from './schema/index.js';

const t = useTestApp();
let tenant: Tenant;

beforeAll(async () => {
  tenant = await buildTenant(t.app);
  await tenant.as.doctor.put(`/api/doctors/${tenant.doctor.id}/availability`, allWeek());
  const [slot] = await slotsOf(tenant.as.patient, tenant.doctor.id, 4, 4);
  expect((await tenant.as.patient.post('/api/appointments', { doctorId: tenant.doctor.id, startsAt: slot!.startsAt, symptoms: 'Fever' })).status).toBe(201);
});

let n = 0;
/** The same query's rows, mapped by drizzle and by the mapper worked out once. */
async function bothWays(build: (db: Tx) => { prepare(name: string): { execute(): Promise<unknown> } }) {
  const db = t.app.db;
  const ours = await mapRowsOnce(build(db).prepare(`row_mapper_ours_${n++}`)).execute();
  const drizzles = await build(db).prepare(`row_mapper_drizzle_${n++}`).execute();
  return { ours, drizzles };
}

describe('rows mapped by a mapper worked out once per query', () => {
  it('are what drizzle builds: nested names, decoded dates and numbers, SQL fields', async () => {
    const { ours, drizzles } = await bothWays((db) => selectAppointments(db).where(eq(appointmentColumns.appointment.hospitalId, tenant.hospital.id)));
    expect(ours).toEqual(drizzles);
    const [row] = ours as { appointment: { startsAt: Date; fee: number; symptoms: string }; doctor: { id: string; specialization: string }; patient: { id: string } }[];
    expect(row!.appointment.startsAt).toBeInstanceOf(Date);
    expect(row!.appointment.symptoms).toBe('Fever');
    expect(row!.doctor.id).toBe(tenant.doctor.id);
    expect(row!.patient.id).toBe(tenant.patient.id);

    const people = await bothWays((db) =>
      db
        .select({ id: users.id, createdAt: users.createdAt, total: totalOver, shout: sql<string>`upper(${users.firstName})`, hospital: { name: hospitals.name } })
        .from(users)
        .innerJoin(hospitals, eq(hospitals.id, users.hospitalId))
        .where(eq(users.hospitalId, tenant.hospital.id))
        .orderBy(asc(users.id)),
    );
    expect(people.ours).toEqual(people.drizzles);
    expect((people.ours as { total: number }[])[0]!.total).toBe(3);
  });

  it('make a left-joined table that found nothing null, and keep one that did', async () => {
    const { ours, drizzles } = await bothWays((db) =>
      db
        .select({ user: { id: users.id, role: users.role }, profile: doctorProfiles })
        .from(users)
        .leftJoin(doctorProfiles, eq(doctorProfiles.userId, users.id))
        .where(eq(users.hospitalId, tenant.hospital.id))
        .orderBy(asc(users.role)),
    );
    expect(ours).toEqual(drizzles);
    const rows = ours as { user: { id: string; role: string }; profile: { userId: string } | null }[];
    expect(rows.map((r) => [r.user.role, r.profile?.userId ?? null])).toEqual([
      ['hospital_admin', null],
      ['doctor', tenant.doctor.id],
      ['patient', null],
    ]);
  });
});
