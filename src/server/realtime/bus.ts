import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { BusEvent } from './events.js';
import { withFields } from '../fields.js';

export type { BusEvent } from './events.js';

/** Domain events fanned out to whoever listens: the realtime gateway of every instance. */
export interface Bus {
  publish(event: BusEvent): Promise<void>;
  subscribe(listener: (event: BusEvent) => void): () => void;
  /** Resolves when the bus can carry events (Redis answers). */
  ping(): Promise<void>;
  /** Whether every event published anywhere reaches this instance now (not during a Redis outage). */
  reliable(): boolean;
  /** Called when events may have been missed (the link to Redis dropped, or came back). */
  onGap(listener: () => void): void;
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
    reliable: () => true,
    onGap: () => {},
    close: async () => void emitter.removeAllListeners(),
  };
}

const CHANNEL = 'telemedicine:events';
const ACKS = 'telemedicine:acks';
/** How long a session check waits for the other instances to confirm they heard it. */
const ACK_TIMEOUT_MS = 1000;

/**
 * Several instances: events go through Redis pub/sub. Local listeners hear an event at once;
 * the copy Redis sends back to its publisher is recognised by the instance id and skipped.
 * A session check (sign-out, deactivation...) is published only once every other instance has
 * confirmed it heard it: its session caches have dropped the session before the request that
 * revoked it answers (ACK_TIMEOUT_MS at most; an instance cut off from Redis serves no cached session).
 */
export async function redisBus(url: string, onError: (err: unknown) => void = () => {}): Promise<Bus> {
  const instance = randomUUID();
  const local = memoryBus();
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = new Redis(url, { lazyConnect: true });
  pub.on('error', onError);
  sub.on('error', onError);
  await Promise.all([pub.connect(), sub.connect()]);
  await sub.subscribe(CHANNEL, ACKS);
  const pending = new Map<string, () => void>();
  // ioredis subscribes again after a reconnect; what was published meanwhile never arrives.
  const gaps: (() => void)[] = [];
  const gap = () => gaps.forEach((g) => g());
  sub.on('close', gap);
  sub.on('ready', gap);
  sub.on('message', (channel, raw: string) => {
    try {
      // Only our instances publish on these channels, with the envelopes below.
      if (channel === ACKS) return pending.get((JSON.parse(raw) as { ack: string }).ack)?.();
      const { from, event, ack } = JSON.parse(raw) as { from: string; event: BusEvent; ack?: string };
      if (from === instance) return;
      // Listeners run synchronously: once this returns, the caches have dropped what it names.
      void local.publish(event);
      if (ack) void pub.publish(ACKS, JSON.stringify({ ack })).catch(onError);
    } catch (err) {
      onError(err);
    }
  });
  /** Publishes, then waits until every other instance that received it says so (or the timeout). */
  async function publishAcked(envelope: { from: string; event: BusEvent }) {
    const ack = randomUUID();
    let heard = 0;
    let needed = Infinity;
    let done = () => {};
    const all = new Promise<void>((resolve) => (done = resolve));
    pending.set(ack, () => ++heard >= needed && done());
    const timer = setTimeout(done, ACK_TIMEOUT_MS);
    try {
      // Redis answers how many subscribers it handed the message to; one of them is us.
      needed = (await pub.publish(CHANNEL, JSON.stringify(withFields(envelope, { ack })))) - 1;
      if (heard >= needed) done();
      await all;
    } finally {
      clearTimeout(timer);
      pending.delete(ack);
    }
  }
  return {
    publish: async (event) => {
      await local.publish(event);
      const envelope = { from: instance, event };
      if (event.payload.type === 'session.check') await publishAcked(envelope);
      else await pub.publish(CHANNEL, JSON.stringify(envelope));
    },
    subscribe: local.subscribe,
    ping: async () => void (await pub.ping()),
    reliable: () => sub.status === 'ready',
    onGap: (listener) => void gaps.push(listener),
    close: async () => {
      await local.close();
      sub.disconnect();
      pub.disconnect();
    },
  };
}
