import { z } from 'zod';
import { TimeZone } from './common.js';

/**
 * How this installation sends mail (`GET /api/mail/config`), so pages say what depends on it:
 * `smtp` sends; `log` (development without SMTP_URL) writes each mail to the server's log;
 * `off` (production without SMTP_URL) sends nothing.
 */
export const MailConfig = z.object({
  delivery: z.enum(['smtp', 'log', 'off']),
  /** "Forgot password?" mails a link (smtp or log). */
  passwordReset: z.boolean(),
  /** New patients confirm their address before they can book (smtp only). */
  confirmsSignups: z.boolean(),
  /** Accounts an admin creates get a link to choose their password instead of an initial one (smtp only). */
  welcomeLinks: z.boolean(),
});
export type MailConfig = z.infer<typeof MailConfig>;

/** What a person may choose to be mailed about. */
export const MAIL_TOPICS = ['reminders', 'appointmentUpdates', 'cancellations', 'paymentDue', 'chatMessages'] as const;
export type MailTopic = (typeof MAIL_TOPICS)[number];

const topics = Object.fromEntries(MAIL_TOPICS.map((t) => [t, z.boolean()])) as Record<MailTopic, z.ZodBoolean>;

export const MailPreferences = z.object({
  ...topics,
  /** The zone times are written in; null: the hospital's. */
  timeZone: z.string().nullable(),
});
export type MailPreferences = z.infer<typeof MailPreferences>;

export const MailPreferencesPatch = z
  .object({ ...topics, timeZone: TimeZone.nullable() })
  .partial()
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'Nothing to change');
export type MailPreferencesPatch = z.infer<typeof MailPreferencesPatch>;
