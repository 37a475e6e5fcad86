import { serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Me } from '../../contracts/auth.js';
import { SlotList } from '../../contracts/availability.js';
import { compiledSerializer } from './serializer.js';

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

  it('leaves to zod what JSON Schema cannot say', () => {
    const Dated = z.object({ at: z.date() });
    expect(compiledSerializer({ check: false })(route(Dated))({ at: new Date(0), extra: 1 })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });
});
