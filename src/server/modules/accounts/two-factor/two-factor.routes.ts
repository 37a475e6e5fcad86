import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuthResult } from '../../../../contracts/auth.js';
import { IdParams } from '../../../../contracts/common.js';
import { RecoveryCodes, RecoveryCodesBody, TwoFactorDisableBody, TwoFactorEnableBody, TwoFactorLoginBody, TwoFactorSetup, TwoFactorStatus } from '../../../../contracts/two-factor.js';
import { actorCtxOf, ctxOf } from '../../../context.js';
import { startSession } from '../../../plugins/session.js';
import { me } from '../auth.service.js';
import { clearTicket, readTicket } from './sign-in-ticket.js';
import { disableTwoFactor, enableTwoFactor, regenerateRecoveryCodes, resetTwoFactor, signInWithSecondFactor, startSetup, twoFactorStatus } from './two-factor.service.js';

export async function twoFactorRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, config } = base;
  const limited = { rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' } };
  const setup = { duringTwoFactorSetup: true, ...limited };
  const tags = ['auth'];

  app.post('/api/auth/login/two-factor', {
    schema: { tags, body: TwoFactorLoginBody, response: { 200: AuthResult } },
    config: { access: 'public', ...limited },
  }, async (req, reply) => {
    const ticket = readTicket(config.session, req, base.clock.now());
    const user = await signInWithSecondFactor(ctxOf(req), ticket, req.body.code);
    clearTicket(config.session, reply);
    await startSession(db, config.session, req, reply, user.id);
    return { user: await me(ctxOf(req), user.id) };
  });

  app.get('/api/auth/two-factor', {
    schema: { tags, response: { 200: TwoFactorStatus } },
    config: { duringTwoFactorSetup: true },
  }, async (req) => twoFactorStatus(actorCtxOf(req)));

  app.post('/api/auth/two-factor/setup', {
    schema: { tags, response: { 200: TwoFactorSetup } },
    config: setup,
  }, async (req) => startSetup(actorCtxOf(req)));

  app.post('/api/auth/two-factor/enable', {
    schema: { tags, body: TwoFactorEnableBody, response: { 200: RecoveryCodes } },
    config: setup,
  }, async (req) => enableTwoFactor(actorCtxOf(req), req.body.code));

  app.post('/api/auth/two-factor/disable', {
    schema: { tags, body: TwoFactorDisableBody, response: { 204: z.null() } },
    config: limited,
  }, async (req, reply) => {
    await disableTwoFactor(actorCtxOf(req), req.body.password);
    return reply.code(204).send(null);
  });

  app.post('/api/auth/two-factor/recovery-codes', {
    schema: { tags, body: RecoveryCodesBody, response: { 200: RecoveryCodes } },
    config: limited,
  }, async (req) => regenerateRecoveryCodes(actorCtxOf(req), req.body.code));

  app.delete('/api/users/:userId/two-factor', {
    schema: { tags, params: IdParams('userId'), response: { 204: z.null() } },
    config: { access: ['super_admin', 'hospital_admin'] },
  }, async (req, reply) => {
    await resetTwoFactor(actorCtxOf(req), req.params.userId);
    return reply.code(204).send(null);
  });
}
