import { readdirSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allWeek, slotsOf } from '../test/appointments.js';
import { buildTenant } from '../test/factories.js';
import { useTestApp } from '../test/harness.js';
import { TINY_PNG, multipartFile } from '../test/multipart.js';

/**
 * Uploads on S3-compatible storage (S3_*), against a real S3-compatible server on loopback
 * (s3rver): attachments and pictures go to the bucket under S3_PREFIX, stream back, and
 * leave nothing behind on the instance's disk; refused files never reach the bucket.
 */
const t = useTestApp();
let server: S3rver;
let endpoint: string;
const client = () => new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
const keys = async (prefix: string) => ((await client().send(new ListObjectsV2Command({ Bucket: 'tm-test', Prefix: prefix }))).Contents ?? []).map((o) => o.Key!);

beforeAll(async () => {
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: mkdtempSync(join(tmpdir(), 'tm-s3-')), configureBuckets: [{ name: 'tm-test', configs: [] }] });
  endpoint = `http://127.0.0.1:${(await server.run()).port}`;
});
afterAll(() => server?.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('uploads on S3-compatible storage', () => {
  it('keeps chat attachments and doctor pictures in the bucket, streams them back, and removes replaced ones', async () => {
    const app = await t.another({ S3_BUCKET: 'tm-test', S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_PREFIX: 'clinic-a' });
    expect(app.files.kind).toBe('s3');
    const h = await buildTenant(app);
    await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek());
    const [slot] = await slotsOf(h.as.patient, h.doctor.id);
    const appointment = (await h.as.patient.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: 'Rash' })).body.id as string;

    const pdf = multipartFile(PDF, 'lab.pdf', 'application/pdf');
    const sent = await h.as.patient.request('POST', `/api/appointments/${appointment}/messages`, pdf.payload, pdf.headers);
    expect(sent.status).toBe(201);
    const [key] = await keys('clinic-a/attachments/');
    expect(key).toMatch(/^clinic-a\/attachments\/[\w-]+\.pdf$/);
    const object = await client().send(new GetObjectCommand({ Bucket: 'tm-test', Key: key }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(PDF)).toBe(true);
    expect(object.ContentType).toBe('application/pdf');
    const back = await h.as.doctor.get(sent.body.attachment.url);
    expect(back.status).toBe(200);
    expect(back.raw.rawPayload.equals(PDF)).toBe(true);

    // Refused for its bytes: nothing reaches the bucket.
    const fake = multipartFile(Buffer.from('<script>alert(1)</script>'), 'report.pdf', 'application/pdf');
    expect((await h.as.patient.request('POST', `/api/appointments/${appointment}/messages`, fake.payload, fake.headers)).status).toBe(415);
    expect(await keys('clinic-a/attachments/')).toHaveLength(1);

    const png = multipartFile(TINY_PNG, 'me.png', 'image/png');
    expect((await h.as.doctor.request('PUT', `/api/doctors/${h.doctor.id}/picture`, png.payload, png.headers)).status).toBe(200);
    const [first] = await keys('clinic-a/pictures/');
    expect((await h.as.doctor.request('PUT', `/api/doctors/${h.doctor.id}/picture`, png.payload, png.headers)).status).toBe(200);
    const now = await keys('clinic-a/pictures/');
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(first);
    const picture = await h.as.patient.get(`/api/doctors/${h.doctor.id}/picture`);
    expect(picture.raw.rawPayload.equals(TINY_PNG)).toBe(true);
    expect((await h.as.doctor.delete(`/api/doctors/${h.doctor.id}/picture`)).status).toBe(200);
    expect(await keys('clinic-a/pictures/')).toHaveLength(0);

    // Nothing stayed on the instance's disk: not the files, not their spooled copies.
    const uploads = app.config.uploadsDir;
    expect(readdirSync(uploads)).toEqual(['.incoming']);
    expect(readdirSync(join(uploads, '.incoming'))).toEqual([]);
  });

  it('answers a missing object as a missing file, not as a crash', async () => {
    const app = await t.another({ S3_BUCKET: 'tm-test', S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_PREFIX: 'clinic-b' });
    await expect(app.files.open('attachments', 'missing.pdf')).rejects.toMatchObject({ name: 'NoSuchKey' });
  });
});
