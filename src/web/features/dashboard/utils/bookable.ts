import type { AvailabilityView } from '../../../../contracts/availability.js';

/**
 * Whether patients can find free times with this doctor: taking appointments, and hours to book
 * from (weekly windows, or extra hours on a date still to come).
 */
export type Bookability = 'bookable' | 'no-hours' | 'not-taking';

export function bookability(isAvailable: boolean, hours: Pick<AvailabilityView, 'windows' | 'exceptions'>, today: string): Bookability {
  if (!isAvailable) return 'not-taking';
  const hasHours = hours.windows.length > 0 || hours.exceptions.some((e) => e.kind === 'extra' && e.date >= today);
  return hasHours ? 'bookable' : 'no-hours';
}

export const hasHours = (hours: Pick<AvailabilityView, 'windows' | 'exceptions'>, today: string) => bookability(true, hours, today) === 'bookable';
