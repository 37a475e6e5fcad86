import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What the instance counts for Prometheus (docs/deploy.md says what each means). Off (every call
 * a no-op) unless METRICS_TOKEN is set. One registry per app, so tests may build several.
 */
export interface Metrics {
  /** The Prometheus text of everything, or null when metrics are off. */
  scrape(): Promise<{ type: string; text: string } | null>;
  request(method: string, route: string, status: number, seconds: number): void;
  chatMessage(): void;
  /** A payment event that is a result: completed, failed, desk_recorded, refunded, refund_failed … (modules/payments/record.ts). */
  paymentOutcome(outcome: string): void;
  /**
   * A value read at each scrape (open sockets, calls, pool use, the mail queue): `read` returns
   * one number, or one per label value.
   */
  observe(name: string, help: string, read: () => number | Record<string, number> | Promise<number | Record<string, number>>, label?: string): void;
}

export const noMetrics: Metrics = {
  scrape: async () => null,
  request: () => {},
  chatMessage: () => {},
  paymentOutcome: () => {},
  observe: () => {},
};

export function prometheusMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tm_' });
  const requests = new Histogram({
    name: 'tm_http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status, with how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const chat = new Counter({ name: 'tm_chat_messages_total', help: 'Chat messages stored by this instance', registers: [registry] });
  const payments = new Counter({ name: 'tm_payment_outcomes_total', help: 'Payment results this instance recorded, by outcome (completed, failed, refunded …)', labelNames: ['outcome'] as const, registers: [registry] });
  return {
    scrape: async () => ({ type: registry.contentType, text: await registry.metrics() }),
    request: (method, route, status, seconds) => requests.observe({ method, route, status: String(status) }, seconds),
    chatMessage: () => chat.inc(),
    paymentOutcome: (outcome) => payments.inc({ outcome }),
    observe(name, help, read, label) {
      new Gauge({
        name,
        help,
        labelNames: label ? [label] : [],
        registers: [registry],
        async collect() {
          // A source that cannot answer now (the database is down) keeps its last value.
          const value = await Promise.resolve().then(read).catch(() => null);
          if (value === null) return;
          if (typeof value === 'number') return void this.set(value);
          this.reset();
          for (const [key, n] of Object.entries(value)) this.set({ [label!]: key }, n);
        },
      });
    },
  };
}

/** The mail queue's depth (modules/mail/mail-jobs.ts counts the mails waiting to be sent). */
export function registerMailQueueDepth(metrics: Metrics, depth: () => Promise<number>) {
  metrics.observe('tm_mail_queue_depth', 'Mails waiting in the queue to be sent (all instances share the queue)', depth);
}
