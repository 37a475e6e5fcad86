import type { Bus, BusEvent } from './bus.js';

/**
 * Events gathered during a transaction and published only once it has committed:
 * persist first, then broadcast, so nobody hears of what was rolled back.
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
