import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MailConfig, MailPreferences, MailPreferencesPatch } from '../../../contracts/mail.js';
import { actorCtxOf } from '../../context.js';
import { getMailPreferences, mailConfigOf, patchMailPreferences } from './preferences.service.js';

export async function mailRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['mail'];

  // Holds nothing but what the installation does: the sign-in page needs it before anyone signs in.
  app.get('/api/mail/config', {
    schema: { tags, response: { 200: MailConfig } },
    config: { access: 'public' },
  }, async () => mailConfigOf(base.config));

  app.get('/api/me/mail-preferences', {
    schema: { tags, response: { 200: MailPreferences } },
  }, async (req) => getMailPreferences(actorCtxOf(req)));

  app.patch('/api/me/mail-preferences', {
    schema: { tags, body: MailPreferencesPatch, response: { 200: MailPreferences } },
  }, async (req) => patchMailPreferences(actorCtxOf(req), req.body));
}
