import type { FastifyInstance } from 'fastify';
import { CLOSE } from '../contracts/realtime.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set on SIGTERM: /readyz fails from then on, so load balancers send nobody new here. */
    lifecycle: { draining: boolean };
  }
}

/**
 * A graceful stop, for SIGTERM (main.ts): fail readiness; after SHUTDOWN_DELAY_SECONDS (for load
 * balancers that poll /readyz) stop accepting; tell every socket to reconnect (to another
 * instance); let requests in flight finish (at most SHUTDOWN_TIMEOUT_SECONDS); then close the
 * bus and the database (the app's onClose hooks).
 */
export async function shutDown(app: FastifyInstance): Promise<void> {
  if (app.lifecycle.draining) return;
  app.lifecycle.draining = true;
  app.log.info({ delayMs: app.config.shutdown.delayMs }, 'shutting down: not ready any more');
  if (app.config.shutdown.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, app.config.shutdown.delayMs));
  await app.close();
  app.log.info('shut down');
}

/**
 * The first step of app.close() (the WebSocket plugin's preClose): the listener closes before the
 * sockets are told to reconnect, so they cannot land here again; then what is in flight ends.
 */
export async function stopAccepting(app: FastifyInstance): Promise<void> {
  const server = app.server;
  app.lifecycle.draining = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const client of app.websocketServer.clients) client.close(CLOSE.serviceRestart, 'Server restarting: reconnect');
  // A connection becomes idle once its request is answered: close each as soon as it is.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const cut = setTimeout(() => {
    app.log.warn('shutdown: cutting the connections still open');
    for (const client of app.websocketServer.clients) client.terminate();
    server.closeAllConnections();
  }, app.config.shutdown.timeoutMs);
  server.closeIdleConnections();
  await closed;
  clearInterval(idle);
  clearTimeout(cut);
  await new Promise<void>((resolve) => app.websocketServer.close(() => resolve()));
}
