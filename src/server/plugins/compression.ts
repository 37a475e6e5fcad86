import zlib from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * JSON, CSV and pages compressed on the way out (the web build's files are compressed once, at
 * build time). Every browser asks for brotli, so this is the cost of every API answer a person
 * sees; the bench measured it on a patient's list of 10 appointments (9 KB), 50 connections:
 * - `syncThreshold`: on two cores the plugin compresses only answers under 8 KB in one call, and
 *   streams larger ones through the thread pool, which halved that list's rate (3,086 req/s
 *   uncompressed, 1,467 in brotli). A list page is under 64 KB; compressed in one call it takes
 *   15 µs (that page) to about 0.3 ms (64 KB of ids), and the answer keeps its length.
 * - brotli quality 1 instead of the plugin's 4: 15 µs instead of 59 µs for that page, 806 bytes
 *   instead of 755 (gzip's default: 820). With both, the list in brotli ran at 3,212 req/s.
 * Requests are not decompressed: browsers send none, and inflating what a client sends would let
 * a few kilobytes become whatever the body limit allows; it was also two hooks on every request.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    threshold: 1024,
    syncThreshold: 64 * 1024,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
  });
}
