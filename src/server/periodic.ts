import type { FastifyInstance } from 'fastify';

/**
 * Runs `work` every `everyMs` on this instance (0: never), one run at a time. Closing the app
 * waits for a run under way, so a shutdown never cuts a job off between its queries.
 */
export function runEvery(app: FastifyInstance, everyMs: number, work: () => Promise<unknown>) {
  if (everyMs <= 0) return;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    running ??= work().finally(() => (running = null));
  }, everyMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
