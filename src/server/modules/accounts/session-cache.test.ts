import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema/index.js';
import { buildSuperAdmin, buildTenant, signIn } from '../../test/factories.js';
import { ManualClock } from '../../test/clock.js';
import { Client, useTestApp } from '../../test/harness.js';
import { SessionCache } from './session-cache.js';
import type { Actor } from './sessions.js';

const t = useTestApp({ SESSION_CACHE_SECONDS: '30' });

/** The same signed-in browser, asking again and again: every answer after the first comes from the cache. */
const me = (c: Client) => c.get('/api/auth/me').then((r) => r.status);

describe('the session cache ends with the session, at once', () => {
  it('on sign-out, on ending the session from elsewhere, on a password change', async () => {
    const h = await buildTenant(t.app);
    const phone = await signIn(t.app, h.patient);
    expect(await me(phone)).toBe(200);
    expect(await me(h.as.patient)).toBe(200);
    const stolen = new Client(t.app);
    stolen.cookie = phone.cookie;
    await phone.post('/api/auth/logout');
    expect(await me(stolen)).toBe(401);
    expect(await me(h.as.patient)).toBe(200);

    const tablet = await signIn(t.app, h.patient);
    expect(await me(tablet)).toBe(200);
    const [row] = (await h.as.patient.get('/api/auth/sessions')).body.items.filter((s: { current: boolean }) => !s.current);
    expect((await h.as.patient.delete(`/api/auth/sessions/${row.id}`)).status).toBe(204);
    expect(await me(tablet)).toBe(401);

    const laptop = await signIn(t.app, h.patient);
    expect(await me(laptop)).toBe(200);
    await h.as.patient.post('/api/auth/password', { currentPassword: h.patient.password, newPassword: 'a-new-password-1' });
    expect(await me(laptop)).toBe(401);
    expect(await me(h.as.patient)).toBe(200);
  });

  it('when an admin deactivates the person, or the platform the hospital', async () => {
    const h = await buildTenant(t.app);
    expect(await me(h.as.patient)).toBe(200);
    expect(await me(h.as.doctor)).toBe(200);
    await h.as.admin.patch(`/api/patients/${h.patient.id}`, { isActive: false });
    expect(await me(h.as.patient)).toBe(401);
    expect(await me(h.as.doctor)).toBe(200);
    const root = await buildSuperAdmin(t.app);
    await root.client.patch(`/api/hospitals/${h.hospital.id}`, { isActive: false });
    expect(await me(h.as.doctor)).toBe(401);
    expect(await me(h.as.admin)).toBe(401);
  });

  it('still ends idle and expired sessions on time: both are checked on every request', async () => {
    const clock = new ManualClock('2030-02-04T05:00:00Z');
    const app = await t.another({ SESSION_IDLE_MINUTES: '2', SESSION_MAX_HOURS: '1' }, { clock });
    const h = await buildTenant(app);
    expect(await me(h.as.patient)).toBe(200);
    expect(await me(h.as.doctor)).toBe(200);
    clock.advance(3 * 60_000);
    expect(await me(h.as.patient)).toBe(401);
    const doctor = await signIn(app, h.doctor);
    for (let i = 0; i < 39; i++) {
      clock.advance(90_000);
      expect(await me(doctor)).toBe(200);
    }
    clock.advance(90_000); // an hour and a bit since sign-in, never idle
    expect(await me(doctor)).toBe(401);
  });
});

describe('what `me` shows comes from the cached session, yet follows every change at once', () => {
  const shown = (c: Client) => c.get('/api/auth/me').then((r) => r.body);
  it('a new name, given by the person or by their admin, and the hospital\'s new name', async () => {
    const h = await buildTenant(t.app);
    const root = await buildSuperAdmin(t.app);
    const [phone, doctor] = [await signIn(t.app, h.patient), await signIn(t.app, h.doctor)];
    expect(await shown(phone)).toMatchObject({ id: h.patient.id, hospitalName: h.hospital.name, emailConfirmed: true, twoFactorEnabled: false });

    expect((await h.as.patient.patch(`/api/patients/${h.patient.id}`, { firstName: 'Sunita' })).status).toBe(200);
    expect(await shown(phone)).toMatchObject({ firstName: 'Sunita' });
    expect((await h.as.admin.patch(`/api/patients/${h.patient.id}`, { lastName: 'Gurung' })).status).toBe(200);
    expect(await shown(phone)).toMatchObject({ firstName: 'Sunita', lastName: 'Gurung' });
    expect((await h.as.admin.patch(`/api/doctors/${h.doctor.id}`, { firstName: 'Bikash' })).status).toBe(200);
    expect(await shown(doctor)).toMatchObject({ firstName: 'Bikash' });

    expect((await root.client.patch(`/api/hospitals/${h.hospital.id}`, { name: 'Patan Teaching Hospital' })).status).toBe(200);
    for (const c of [phone, doctor, h.as.admin]) expect(await shown(c)).toMatchObject({ hospitalName: 'Patan Teaching Hospital' });
    // A phone number is not shown by `me`: nothing to drop, and the session goes on.
    expect((await h.as.patient.patch(`/api/patients/${h.patient.id}`, { phone: '+9779841000000' })).status).toBe(200);
    expect(await shown(phone)).toMatchObject({ lastName: 'Gurung' });
  });
});

describe('what changes in the database behind its back', () => {
  it('is seen once the entry is older than SESSION_CACHE_SECONDS', async () => {
    const app = await t.another({ SESSION_CACHE_SECONDS: '0.3' });
    const h = await buildTenant(app);
    expect(await me(h.as.patient)).toBe(200);
    await app.db.delete(sessions).where(eq(sessions.userId, h.patient.id));
    await sleep(400);
    expect(await me(h.as.patient)).toBe(401);
  });
});

describe('SessionCache', () => {
  const actor: Actor = { userId: 'u1', email: 'a@b.test', role: 'patient', hospitalId: 'h1', hospitalName: 'H', firstName: 'A', lastName: 'B', sessionId: 's1', mustChangePassword: false, emailConfirmed: true, twoFactorEnabled: false, twoFactorSetupRequired: false };
  const entry = { actor, session: { id: 's1', lastSeenAt: new Date() }, expiresAt: new Date(Date.now() + 60_000) };

  it('does not keep what was read before an invalidation that came meanwhile', () => {
    const cache = new SessionCache(60_000);
    const mark = cache.mark();
    cache.invalidate((a) => a.userId === 'u1');
    cache.set('s1', entry, mark);
    expect(cache.get('s1')).toBeUndefined();
    cache.set('s1', entry, cache.mark());
    expect(cache.get('s1')).toBeDefined();
  });

  it('serves nothing while the bus may miss events, and forgets everything after a gap', () => {
    let reliable = true;
    const gaps: (() => void)[] = [];
    const bus = { reliable: () => reliable, onGap: (g: () => void) => void gaps.push(g), subscribe: () => () => {} };
    const cache = new SessionCache(60_000, () => bus.reliable());
    cache.listen(bus as never);
    cache.set('s1', entry, cache.mark());
    reliable = false;
    expect(cache.get('s1')).toBeUndefined();
    reliable = true;
    gaps.forEach((g) => g());
    expect(cache.get('s1')).toBeUndefined();
  });

  it('holds at most `max` sessions, dropping the oldest', () => {
    const cache = new SessionCache(60_000, () => true, 2);
    for (const id of ['a', 'b', 'c']) cache.set(id, entry, cache.mark());
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((e) => !!e)).toEqual([false, true, true]);
  });
});
