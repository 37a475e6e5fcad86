import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `until` (a time in ms), re-rendering as it ticks; 0 once it has passed
 * or without one. Read from the clock on every render, so it is right from the first.
 */
export function useCountdown(until: number | null): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      setTick((t) => t + 1);
      if (Date.now() >= until) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}
