import type { FastifyInstance } from 'fastify';

/**
 * Runs `work` every `everyMs` on this instance (0: never), one run at a time, the first after
 * `firstAfterMs` when that is sooner. Closing the app waits for a run under way, so a shutdown
 * never cuts a job off between its queries.
 */
export function runEvery(app: FastifyInstance, everyMs: number, work: () => Promise<unknown>, firstAfterMs = everyMs) {
  if (everyMs <= 0) return;
  let running: Promise<unknown> | null = null;
  const run = () => {
    running ??= work().finally(() => (running = null));
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  const first = firstAfterMs < everyMs ? setTimeout(run, firstAfterMs) : null;
  first?.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    if (first) clearTimeout(first);
    await running;
  });
}
