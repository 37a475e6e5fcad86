import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Api } from '../support/api.js';
import { labReportPdf, seedChat } from '../support/chat.js';
import { freePort } from '../support/free-port.js';
import { expect, test } from './fixtures.js';
import { instance, type Stack } from './stack.js';

/**
 * Backups restore into a fresh instance, and the data reads back: the embedded database and its
 * upload folder with `npm run backup` (taken while the server runs) and `npm run restore`; the
 * PostgreSQL deployment with pg_dump and pg_restore, as docs/deploy.md tells operators.
 */
test.describe.configure({ mode: 'serial' });

/** An instance on the embedded database and a local upload folder (no PostgreSQL, Redis or S3). */
function embedded(stack: Stack, name: string) {
  const port = freePort();
  return instance(stack, name, port, {
    DATABASE_URL: '', REDIS_URL: '', S3_BUCKET: '', S3_ENDPOINT: '', S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '', KHALTI_SECRET_KEY: '', KHALTI_BASE_URL: '',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    COOKIE_SECURE: 'false',
  });
}

const npm = (stack: Stack, dataDir: string, args: string[]) =>
  execFileSync('npm', ['run', '--silent', ...args], { env: { ...stack.env, DATABASE_URL: '', REDIS_URL: '', S3_BUCKET: '', S3_ENDPOINT: '', S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '', DATA_DIR: dataDir, HOME: process.env.HOME ?? '/root' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const messagesOf = async (api: Api, appointmentId: string) =>
  (await api.send<{ items: { id: string; text: string; attachment: { name: string } | null }[] }>('get', `/api/appointments/${appointmentId}/messages`)).items;

test('npm run backup copies a running embedded server; npm run restore brings it back in a fresh one', async ({ stack }) => {
  test.setTimeout(300_000);
  const first = embedded(stack, 'embedded');
  await first.start();
  const s = await seedChat(first.direct, 'backup');
  const pdf = labReportPdf();
  const res = await s.patientApi.ctx.post(`/api/appointments/${s.appointmentId}/messages`, { multipart: { text: 'My lab report', file: { name: 'lab.pdf', mimeType: 'application/pdf', buffer: pdf } } });
  expect(res.status()).toBe(201);
  await s.patientApi.send('post', `/api/appointments/${s.appointmentId}/messages`, { text: 'Stored before the backup' }, 201);

  const file = join(stack.dir, 'embedded.tar');
  expect(npm(stack, join(stack.dir, 'data-embedded'), ['backup', '--', '--out', file])).toContain(`Backup written: ${file}`);
  await s.patientApi.send('post', `/api/appointments/${s.appointmentId}/messages`, { text: 'Written after the backup' }, 201);
  await Promise.all([s.patientApi.dispose(), s.doctorApi.dispose()]);
  expect(await first.stop()).toBe(0);

  const restoredDir = join(stack.dir, 'data-restored');
  expect(npm(stack, restoredDir, ['restore', '--', file])).toContain('Restored the backup');
  // A second restore into the same folder is refused: nothing is overwritten by accident.
  expect(() => npm(stack, restoredDir, ['restore', '--', file])).toThrow();
  const restored = embedded(stack, 'restored');
  await restored.start();
  const doctor = await Api.signIn(restored.direct, s.world.doctor.email, s.world.doctor.newPassword);
  const items = await messagesOf(doctor, s.appointmentId);
  expect(items.map((m) => m.text)).toEqual(['Stored before the backup', 'My lab report']);
  const withFile = items.find((m) => m.attachment)!;
  const download = await doctor.ctx.get(`/api/appointments/${s.appointmentId}/messages/${withFile.id}/attachment`);
  expect(Buffer.compare(await download.body(), pdf)).toBe(0);
  await doctor.dispose();
  expect(await restored.stop()).toBe(0);
});

test('pg_dump of the running PostgreSQL deployment restores into a fresh database an instance serves', async ({ stack }) => {
  const s = await seedChat(stack.url, 'pgdump');
  await s.patientApi.send('post', `/api/appointments/${s.appointmentId}/messages`, { text: 'Kept by pg_dump' }, 201);
  await Promise.all([s.patientApi.dispose(), s.doctorApi.dispose()]);
  const dump = join(stack.dir, 'telemedicine.dump');
  const bin = (name: string) => join('/usr/lib/postgresql', execFileSync('ls', ['/usr/lib/postgresql'], { encoding: 'utf8' }).trim().split('\n').sort().at(-1)!, 'bin', name);
  const admin = new URL(stack.databaseUrl);
  execFileSync(bin('pg_dump'), ['--format=custom', '--file', dump, stack.databaseUrl]);
  admin.pathname = '/postgres';
  execFileSync(bin('psql'), [admin.toString(), '-qc', 'create database telemedicine_restored']);
  admin.pathname = '/telemedicine_restored';
  execFileSync(bin('pg_restore'), ['--no-owner', '--dbname', admin.toString(), dump]);

  const port = freePort();
  const fresh = instance(stack, 'pg-restored', port, { DATABASE_URL: admin.toString(), REDIS_URL: '', PUBLIC_URL: `http://127.0.0.1:${port}`, COOKIE_SECURE: 'false' });
  await fresh.start();
  const doctor = await Api.signIn(fresh.direct, s.world.doctor.email, s.world.doctor.newPassword);
  expect((await messagesOf(doctor, s.appointmentId)).map((m) => m.text)).toEqual(['Kept by pg_dump']);
  await doctor.dispose();
  expect(await fresh.stop()).toBe(0);
});
