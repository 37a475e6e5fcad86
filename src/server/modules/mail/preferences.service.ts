import { eq } from 'drizzle-orm';
import type { MailConfig, MailPreferences, MailPreferencesPatch } from '../../../contracts/mail.js';
import type { Config } from '../../config.js';
import type { ActorCtx } from '../../context.js';
import { mailPreferences } from '../../db/schema/index.js';
import { audit, changedFields } from '../audit/audit.js';

/** What the pages need to know about mail here (which features depend on it). */
export const mailConfigOf = (config: Config): MailConfig => ({
  delivery: config.mail.delivery,
  passwordReset: config.mail.delivery !== 'off',
  confirmsSignups: config.mail.delivery === 'smtp',
  welcomeLinks: config.mail.delivery === 'smtp',
});

const DEFAULTS: MailPreferences = { reminders: true, appointmentUpdates: true, cancellations: true, paymentDue: true, chatMessages: true, timeZone: null };

const present = (row: typeof mailPreferences.$inferSelect | undefined): MailPreferences =>
  row
    ? { reminders: row.reminders, appointmentUpdates: row.appointmentUpdates, cancellations: row.cancellations, paymentDue: row.paymentDue, chatMessages: row.chatMessages, timeZone: row.timeZone }
    : DEFAULTS;

/** The person's own choices (everything, until they choose). */
export async function getMailPreferences(ctx: ActorCtx): Promise<MailPreferences> {
  const [row] = await ctx.db.select().from(mailPreferences).where(eq(mailPreferences.userId, ctx.actor.userId));
  return present(row);
}

export async function patchMailPreferences(ctx: ActorCtx, patch: MailPreferencesPatch): Promise<MailPreferences> {
  const fields = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mailPreferences)
      .values({ ...DEFAULTS, ...fields, userId: ctx.actor.userId, updatedAt: now })
      .onConflictDoUpdate({ target: mailPreferences.userId, set: { ...fields, updatedAt: now } })
      .returning();
    await audit(tx, ctx, { action: 'mail.preferences_changed', hospitalId: ctx.actor.hospitalId, entityType: 'user', entityId: ctx.actor.userId, details: changedFields(fields) });
    return present(row);
  });
}
