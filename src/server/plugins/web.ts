import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { problem } from '../errors.js';
import { sendProblem } from './errors.js';

/**
 * Serves the built browser app; any other GET outside /api is the app's own route (index.html).
 * Unknown API routes, and everything without a web build, answer problem+json 404.
 */
export async function registerWeb(app: FastifyInstance, webDir: string) {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    app.log.warn(`No web build in ${webDir}: run "npm run build:web". The API still works.`);
    app.setNotFoundHandler((req, reply) => sendProblem(reply, problem('not_found', `No route ${req.method} ${req.url.split('?')[0]}`)));
    return;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    // The build's .br and .gz copies (scripts/precompress.mjs), when the browser takes them.
    preCompressed: true,
    setHeaders: (res, path) => {
      // Vite fingerprints assets: cache them for ever; index.html never. Caches keep one copy per encoding.
      res.header('Vary', 'Accept-Encoding');
      res.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (req.method !== 'GET' || path.startsWith('/api/') || path.startsWith('/ws/') || /\.[a-z0-9]+$/i.test(path))
      return sendProblem(reply, problem('not_found', `No route ${req.method} ${path}`));
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
