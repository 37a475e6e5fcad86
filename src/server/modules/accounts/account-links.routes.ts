import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmailConfirmationBody, PasswordResetConfirm, PasswordResetRequest } from '../../../contracts/auth.js';
import { actorCtxOf, ctxOf } from '../../context.js';
import { confirmEmail, resendConfirmation } from './email-confirmation.service.js';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service.js';

const Accepted = z.object({ message: z.string() });

/** What mailed links lead to: a password reset (or a welcome's first password), an address confirmed. */
export async function accountLinkRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const limited = { rateLimit: { max: base.config.login.ratePerMinute, timeWindow: '1 minute' } };
  const tags = ['auth'];

  app.post('/api/auth/password-reset', {
    schema: { tags, body: PasswordResetRequest, response: { 202: Accepted } },
    config: { access: 'public', ...limited },
  }, async (req, reply) => {
    await requestPasswordReset(ctxOf(req), req.body.email);
    // The same answer whether or not the address has an account.
    return reply.code(202).send({ message: 'If an account has this address, a link to choose a new password is on its way. It works for 30 minutes.' });
  });

  app.post('/api/auth/password-reset/confirm', {
    schema: { tags, body: PasswordResetConfirm, response: { 204: z.null() } },
    config: { access: 'public', ...limited },
  }, async (req, reply) => {
    await confirmPasswordReset(ctxOf(req), req.body);
    return reply.code(204).send(null);
  });

  app.post('/api/auth/email-confirmation/confirm', {
    schema: { tags, body: EmailConfirmationBody, response: { 204: z.null() } },
    config: { access: 'public', ...limited },
  }, async (req, reply) => {
    await confirmEmail(ctxOf(req), req.body.token);
    return reply.code(204).send(null);
  });

  app.post('/api/auth/email-confirmation', {
    schema: { tags, response: { 202: Accepted } },
    config: limited,
  }, async (req, reply) => {
    await resendConfirmation(actorCtxOf(req));
    return reply.code(202).send({ message: 'A new confirmation link is on its way.' });
  });
}
