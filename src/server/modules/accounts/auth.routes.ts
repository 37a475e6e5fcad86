import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuthResult, LoginBody, LoginResult, Me, PasswordChangeBody, SessionInfo, SignupBody, SignupPending } from '../../../contracts/auth.js';
import { actorCtxOf, ctxOf } from '../../context.js';
import { endSession, startSession } from '../../plugins/session.js';
import { changePassword, endOwnSession, listSessions, login, logout, me, meOf, signup } from './auth.service.js';
import { signupPendingConfirmation } from './email-confirmation.service.js';
import { issueTicket } from './two-factor/sign-in-ticket.js';

export async function authRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, config } = base;
  const limited = { rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' } };
  const tags = ['auth'];

  app.post('/api/auth/signup', {
    schema: { tags, body: SignupBody, response: { 201: AuthResult, 202: SignupPending } },
    config: { access: 'public', ...limited },
  }, async (req, reply) => {
    // Where mail is configured the address is confirmed first, and the answer never says whether it was registered.
    if (config.mail.delivery === 'smtp') {
      await signupPendingConfirmation(ctxOf(req), req.body);
      return reply.code(202).send({ confirmationSent: true });
    }
    const user = await signup(ctxOf(req), req.body);
    await startSession(db, config.session, req, reply, user.id);
    return reply.code(201).send({ user: await me(ctxOf(req), user.id) });
  });

  app.post('/api/auth/login', {
    schema: { tags, body: LoginBody, response: { 200: LoginResult } },
    config: { access: 'public', ...limited },
  }, async (req, reply) => {
    const { user, secondFactor } = await login(ctxOf(req), req.body);
    if (secondFactor) {
      issueTicket(config.session, reply, user, base.clock.now());
      return { twoFactorRequired: true as const };
    }
    await startSession(db, config.session, req, reply, user.id);
    return { user: await me(ctxOf(req), user.id) };
  });

  app.post('/api/auth/logout', {
    schema: { tags, response: { 204: z.null() } },
    config: { duringPasswordChange: true, duringTwoFactorSetup: true },
  }, async (req, reply) => {
    await logout(actorCtxOf(req));
    endSession(config.session, reply);
    return reply.code(204).send(null);
  });

  app.get('/api/auth/me', {
    schema: { tags, response: { 200: Me } },
    config: { duringPasswordChange: true, duringTwoFactorSetup: true },
  }, async (req) => meOf(req.actor!));

  app.post('/api/auth/password', {
    schema: { tags, body: PasswordChangeBody, response: { 204: z.null() } },
    config: { duringPasswordChange: true, ...limited },
  }, async (req, reply) => {
    await changePassword(actorCtxOf(req), req.body);
    return reply.code(204).send(null);
  });

  app.get('/api/auth/sessions', {
    schema: { tags, response: { 200: z.object({ items: z.array(SessionInfo) }) } },
  }, async (req) => ({ items: await listSessions(actorCtxOf(req)) }));

  app.delete('/api/auth/sessions/:sessionId', {
    schema: { tags, params: z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{10,100}$/) }), response: { 204: z.null() } },
  }, async (req, reply) => {
    await endOwnSession(actorCtxOf(req), req.params.sessionId);
    return reply.code(204).send(null);
  });
}
