import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from './test/factories.js';
import { Client, useTestApp } from './test/harness.js';
import { expectProblem } from './test/problems.js';

/** Logs are for operators: no SQL parameters, passwords, hashes or patient-entered text. */
const t = useTestApp();
const lines: string[] = [];
const logStream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
let app: FastifyInstance;
const MARKER = 'MARKER-5a9c1e';

beforeAll(async () => {
  app = await t.another({ LOG_LEVEL: 'info' }, { logStream });
  // A route that hands the database a value validation would have refused: the backstop's case.
  app.post('/api/test/raw', { config: { access: 'public' } }, async (req) => {
    await app.db.execute(sql`select ${(req.body as { text: string }).text}::text`);
    return { ok: true };
  });
  await app.db.execute(sql.raw(`alter table users add constraint test_no_markers check (first_name not like 'MARKER%')`));
});

const logged = () => lines.join('');

describe('logs', () => {
  it('keep the SQLSTATE and constraint of a database error, never its parameters', async () => {
    const h = await buildTenant(app);
    const password = 'marker-secret-password-1';
    const res = await new Client(app).post('/api/auth/signup', { email: 'marker.person@example.com', password, firstName: MARKER, lastName: 'Rai', hospitalId: h.hospital.id });
    expectProblem(res, 500, 'internal_error');
    expect(JSON.stringify(res.body)).not.toContain(MARKER);
    const log = logged();
    expect(log).toContain('"sqlState":"23514"');
    expect(log).toContain('"constraint":"test_no_markers"');
    for (const secret of [MARKER, password, 'marker.person@example.com', '$argon2', 'insert into']) expect(log).not.toContain(secret);
  });

  it('map a value the database refuses to 400, as a backstop behind validation', async () => {
    const res = await new Client(app).post('/api/test/raw', { text: `${MARKER}\u0000` });
    expectProblem(res, 400, 'validation_failed');
    expect(logged()).toContain('"sqlState":"22021"');
    expect(logged()).not.toContain(MARKER);
  });

  it('keep the path of a request but not its query string', async () => {
    const h = await buildTenant(app);
    await h.as.admin.get(`/api/hospitals/${h.hospital.id}/patients?q=${MARKER}`);
    expect(logged()).toContain(`/api/hospitals/${h.hospital.id}/patients`);
    expect(logged()).not.toContain(MARKER);
  });
});
