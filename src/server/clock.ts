/**
 * What "now" is for the domain. Every rule that depends on the time (slots, holds, cut-offs,
 * chat windows, sessions, sign-in throttling, the sweep) reads it from here, so a test can pin it.
 * Production always runs on the system clock; timers and rate limits use real time directly.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
