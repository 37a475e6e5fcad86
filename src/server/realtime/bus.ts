import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { BusEvent } from './events.js';

export type { BusEvent } from './events.js';

/** Domain events fanned out to whoever listens: the realtime gateway of every instance. */
export interface Bus {
  publish(event: BusEvent): Promise<void>;
  subscribe(listener: (event: BusEvent) => void): () => void;
  /** Resolves when the bus can carry events (Redis answers). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** One process: events stay in memory. */
export function memoryBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: async (event) => void emitter.emit('event', event),
    subscribe: (listener) => {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    ping: async () => {},
    close: async () => void emitter.removeAllListeners(),
  };
}

const CHANNEL = 'telemedicine:events';

/**
 * Several instances: events go through Redis pub/sub. Local listeners hear an event at once;
 * the copy Redis sends back to its publisher is recognised by the instance id and skipped.
 */
export async function redisBus(url: string, onError: (err: unknown) => void = () => {}): Promise<Bus> {
  const instance = randomUUID();
  const local = memoryBus();
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = new Redis(url, { lazyConnect: true });
  pub.on('error', onError);
  sub.on('error', onError);
  await Promise.all([pub.connect(), sub.connect()]);
  await sub.subscribe(CHANNEL);
  sub.on('message', (_channel, raw: string) => {
    try {
      // Only our instances publish on this channel, with the envelope below.
      const { from, event } = JSON.parse(raw) as { from: string; event: BusEvent };
      if (from !== instance) void local.publish(event);
    } catch (err) {
      onError(err);
    }
  });
  return {
    publish: async (event) => {
      await local.publish(event);
      await pub.publish(CHANNEL, JSON.stringify({ from: instance, event }));
    },
    subscribe: local.subscribe,
    ping: async () => void (await pub.ping()),
    close: async () => {
      await local.close();
      sub.disconnect();
      pub.disconnect();
    },
  };
}
