import type { Clock } from '../clock.js';

/** A clock that moves only when told to, for tests about the passing of time. */
export class ManualClock implements Clock {
  private at: number;
  constructor(start: Date | string) {
    this.at = new Date(start).getTime();
  }
  now() {
    return new Date(this.at);
  }
  set(to: Date | string) {
    this.at = new Date(to).getTime();
  }
  advance(ms: number) {
    this.at += ms;
  }
}

/** Real time, shifted so that it reads `start` now: the whole suite can run "at" any time of day. */
export function shiftedClock(start: Date | string): Clock {
  const offset = new Date(start).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/**
 * The clock a test app runs on: `TEST_CLOCK` (an ISO instant) shifts the whole suite to that
 * time, so `.ci/clock-run` can prove no test depends on when it runs; otherwise the system clock.
 */
export function testClock(): Clock {
  const at = process.env.TEST_CLOCK;
  if (!at) return { now: () => new Date() };
  if (Number.isNaN(Date.parse(at))) throw new Error(`TEST_CLOCK is not an ISO instant: ${at}`);
  return shiftedClock(at);
}
