import { serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Me } from '../../contracts/auth.js';
import { SlotList } from '../../contracts/availability.js';
import { DoctorView } from '../../contracts/doctors.js';
import { Refund } from '../../contracts/payments.js';
import { Patient } from '../../contracts/patients.js';
import { compiledSerializer, forWriting } from './serializer.js';

const route = (schema: z.ZodType) => ({ schema, method: 'GET', url: '/test', httpStatus: '200' }) as never;
const me = {
  id: '8b2f4c1e-3d5a-4f6b-9c7d-1e2f3a4b5c6d',
  email: 'sita@example.test',
  role: 'patient',
  hospitalId: null,
  hospitalName: null,
  firstName: 'Sita "Didi"',
  lastName: 'Rai\n\u2028',
  mustChangePassword: false,
  emailConfirmed: true,
  twoFactorEnabled: false,
  twoFactorSetupRequired: false,
};

describe('the compiled response serializer', () => {
  it('writes what zod writes, without the fields the schema does not name', () => {
    const secretive = { ...me, passwordHash: 'argon2id$...', hospital: { secret: 1 } };
    for (const check of [false, true]) {
      const out = compiledSerializer({ check })(route(Me))(secretive);
      expect(JSON.parse(out)).toEqual(JSON.parse(zodSerializer(route(Me))(secretive)));
      expect(out).not.toContain('passwordHash');
      expect(JSON.parse(out)).toEqual(me);
    }
    const slots = { timezone: 'Asia/Kathmandu', slotMinutes: 30, items: [{ startsAt: '2026-12-07T03:15:00.000Z', endsAt: '2026-12-07T03:45:00.000Z', extra: true }] };
    expect(JSON.parse(compiledSerializer({ check: false })(route(SlotList))(slots))).toEqual({ ...slots, items: [{ startsAt: slots.items[0]!.startsAt, endsAt: slots.items[0]!.endsAt }] });
  });

  it('refuses, where responses are checked, an answer that breaks its contract', () => {
    const write = compiledSerializer({ check: true })(route(Me));
    expect(() => write({ ...me, role: 'janitor' })).toThrow();
    expect(() => write({ ...me, id: undefined })).toThrow();
  });

  it('writes nullable fields and unions as zod does: a patient page, a doctor as staff and as a patient sees them, refunds', () => {
    const patient = { id: me.id, email: me.email, role: 'patient', hospitalId: '1b2f4c1e-3d5a-4f6b-9c7d-1e2f3a4b5c6d', firstName: me.firstName, lastName: me.lastName, phone: null, mustChangePassword: false, twoFactorEnabled: false, isActive: true, createdAt: '2026-12-04T10:00:00.000Z', lastLoginAt: null, medicalHistory: 'Asthma', allergies: '', emergencyContact: '', bloodType: null, dateOfBirth: null };
    const patients = z.object({ items: z.array(Patient), total: z.number() });
    const page = { items: [patient, { ...patient, lastLoginAt: '2026-12-05T10:00:00.000Z', bloodType: 'AB-', dateOfBirth: '1990-02-03', hospitalId: null }], total: 2 };
    const { medicalHistory: _m, allergies: _a, emergencyContact: _e, bloodType: _b, dateOfBirth: _d, ...account } = patient;
    const full = { ...account, role: 'doctor', licenseNumber: 'NMC-1', specialization: 'Cardiology', experienceYears: 3, bio: '', isAvailable: true, pictureUrl: null };
    const open = { id: me.id, hospitalId: null, role: 'doctor', firstName: 'Ram', lastName: 'KC', specialization: 'Cardiology', experienceYears: 3, bio: '', isAvailable: true, pictureUrl: '/p.jpg' };
    const doctors = z.object({ items: z.array(DoctorView), total: z.number() });
    // A nullable enum inside a nullable object: the object's branch is still chosen by checking it.
    const refund = { id: me.id, amount: 500, status: 'pending', reason: 'doctor_cancelled', requestedAt: patient.createdAt, refundedAt: null, attempts: 0, lastError: null };
    const refunds = z.object({ items: z.array(z.object({ refund: Refund.nullable() })) });
    const refunded = { items: [{ refund }, { refund: { ...refund, lastError: 'timeout' } }, { refund: null }] };
    for (const [schema, data] of [[patients, page], [doctors, { items: [full, open], total: 2 }], [refunds, refunded]] as const) {
      const out = compiledSerializer({ check: true })(route(schema))(data);
      expect(JSON.parse(out)).toEqual(JSON.parse(zodSerializer(route(schema))(data)));
      expect(JSON.parse(out)).toEqual(data);
    }
  });

  it('writes without checking formats: checking is for development and tests, where it refuses', () => {
    // fast-json-stringify chose between a nullable field's branches by validating the value (a
    // uuid's pattern) on every row; the written schema says only what shapes the output.
    const odd = { ...me, hospitalId: 'not-a-uuid' };
    expect(JSON.parse(compiledSerializer({ check: false })(route(Me))(odd)).hospitalId).toBe('not-a-uuid');
    expect(() => compiledSerializer({ check: true })(route(Me))(odd)).toThrow();
    const written = JSON.stringify(forWriting(z.toJSONSchema(Me, { io: 'output', target: 'draft-7' })));
    expect(written).not.toMatch(/"anyOf"|"pattern"|"format"/);
    // A property named like a keyword is a property, not a keyword.
    expect(forWriting({ type: 'object', properties: { format: { type: 'string', format: 'uuid' } } })).toEqual({ type: 'object', properties: { format: { type: 'string' } } });
  });

  it('leaves to zod what JSON Schema cannot say', () => {
    const Dated = z.object({ at: z.date() });
    expect(compiledSerializer({ check: false })(route(Dated))({ at: new Date(0), extra: 1 })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });
});
