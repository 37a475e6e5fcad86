import { EventEmitter } from 'node:events';

/** Domain events fanned out to whoever listens (the realtime gateway, on every instance). */
export interface BusEvent {
  topic: string;
  payload: unknown;
}

export interface Bus {
  publish(event: BusEvent): Promise<void>;
  subscribe(listener: (event: BusEvent) => void): () => void;
  close(): Promise<void>;
}

/** One process: events stay in memory. Redis-backed fan-out arrives with the realtime work. */
export function memoryBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: async (event) => void emitter.emit('event', event),
    subscribe: (listener) => {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    close: async () => void emitter.removeAllListeners(),
  };
}
