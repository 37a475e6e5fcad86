import { z } from 'zod';
import { currentZoneName } from './time-zones.js';

/**
 * NUL and the other C0 control characters (tab, line feed and carriage return aside). PostgreSQL
 * refuses NUL in text, and none of them belongs in anything a person types.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
export const hasNoControlChars = (s: string) => !CONTROL_CHARS.test(s);

/** Every free-text input: a string without control characters. */
export const text = () => z.string().refine(hasNoControlChars, 'Remove the control characters (such as NUL) from this text');

export const Id = z.uuid();
export const IsoDateTime = z.iso.datetime({ offset: true });

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address' }).max(254));

/** NIST 800-63B: length matters, composition rules do not. */
export const Password = z
  .string()
  .min(8, 'Use at least 8 characters')
  .max(128, 'Use at most 128 characters');

export const PersonName = text().trim().min(1, 'Required').max(100);
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,30}$/, 'Enter a valid phone number');

let zones: Map<string, string> | undefined;
/** The zone's proper spelling ("asia/kathmandu" → "Asia/Kathmandu"), or null if it is not an IANA zone. */
const canonicalZone = (tz: string): string | null => {
  zones ??= new Map(['UTC', ...Intl.supportedValuesOf('timeZone')].map((z) => [z.toLowerCase(), z]));
  const known = zones.get(tz.toLowerCase());
  if (known) return known;
  try {
    // Links such as Asia/Kathmandu or US/Eastern are valid too, when written in their proper case.
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return /^[A-Z][A-Za-z_+-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)+$/.test(tz) ? tz : null;
  } catch {
    return null;
  }
};

/** An IANA zone the runtime knows, e.g. Asia/Kathmandu, stored in its current spelling (not Asia/Katmandu). */
export const TimeZone = z
  .string()
  .trim()
  .refine((tz) => canonicalZone(tz) !== null, 'Enter an IANA time zone such as Asia/Kathmandu')
  .transform((tz) => currentZoneName(canonicalZone(tz)!));

/** Integer paisa (1 rupee = 100 paisa). Never floats. */
export const Paisa = z.number().int('Amount must be whole paisa').min(0).max(100_000_000);

export const ListQuery = z.object({
  q: text().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListQuery = z.infer<typeof ListQuery>;

/** A PATCH body must change something: `{}` is refused the same way on every route. */
export const nonEmpty = <T extends z.ZodObject>(patch: T) =>
  patch.refine((p) => Object.values(p).some((v) => v !== undefined), 'Nothing to change');

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

/** Path parameters holding one id, e.g. IdParams('doctorId'). */
export const IdParams = <K extends string>(name: K) => z.object({ [name]: Id } as Record<K, typeof Id>);
