import type { Ctx } from '../context.js';
import type { Tx } from '../db/client.js';
import type { Bus, BusEvent } from './bus.js';

/**
 * Events gathered while work is done and published only once it has committed: persist first,
 * then broadcast, so nobody hears of what was rolled back. The one way domain events leave a
 * service (typing indicators, which are never stored, are the one exception: see the gateway).
 */
export class Outbox {
  private events: BusEvent[] = [];
  add(event: BusEvent) {
    this.events.push(event);
  }
  async flush(bus: Bus) {
    const events = this.events;
    this.events = [];
    for (const e of events) await bus.publish(e);
  }
}

/** Runs `work` in one transaction, then publishes what it queued. */
export async function inTransaction<T>(ctx: Pick<Ctx, 'db' | 'bus'>, work: (tx: Tx, outbox: Outbox) => Promise<T>): Promise<T> {
  const outbox = new Outbox();
  const result = await ctx.db.transaction((tx) => work(tx, outbox));
  await outbox.flush(ctx.bus);
  return result;
}

/**
 * Runs `work` whose writes commit one statement at a time (a single insert needs no
 * transaction around it), then publishes what it queued.
 */
export async function afterWrites<T>(ctx: Pick<Ctx, 'db' | 'bus'>, work: (db: Tx, outbox: Outbox) => Promise<T>): Promise<T> {
  const outbox = new Outbox();
  const result = await work(ctx.db, outbox);
  await outbox.flush(ctx.bus);
  return result;
}
