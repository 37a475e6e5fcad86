import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCompression } from './compression.js';

// A list page as big as the largest the app sends (50 rows of about 900 bytes), and a small answer.
const page = { items: Array.from({ length: 50 }, (_, i) => ({ id: i, symptoms: `Fever and a cough for ${i} days`, note: 'x'.repeat(800 + (i % 7)) })), total: 50 };
const app = Fastify();

beforeAll(async () => {
  await registerCompression(app);
  app.get('/page', async () => page);
  app.get('/small', async () => ({ status: 'ok' }));
  app.get('/export', async (_req, reply) => reply.type('text/csv').send('a,b\n'.repeat(40_000)));
});
afterAll(() => app.close());

const get = (url: string, encoding?: string) => app.inject({ url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('compression of answers', () => {
  it('sends a list page in brotli as one piece with its length, as a browser asks for it', async () => {
    const res = await get('/page', 'gzip, deflate, br, zstd');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    // Compressed in one call: the length is known (a streamed answer has none).
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(JSON.parse(zlib.brotliDecompressSync(res.rawPayload).toString())).toEqual(page);
    expect(res.rawPayload.length).toBeLessThan(JSON.stringify(page).length / 10);
  });

  it('sends gzip to a client without brotli, and plain JSON to one that asks for none', async () => {
    const gzip = await get('/page', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gzip.rawPayload).toString())).toEqual(page);
    const plain = await get('/page');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(page);
  });

  it('leaves answers under 1 KB as they are, and still compresses a large export', async () => {
    const small = await get('/small', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ status: 'ok' });
    const csv = await get('/export', 'br');
    expect(csv.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(csv.rawPayload).toString()).toBe('a,b\n'.repeat(40_000));
  });
});
