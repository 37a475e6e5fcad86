import type { FastifyInstance } from 'fastify';
import type { Role } from '../../contracts/enums.js';
import { AppError } from '../errors.js';
import type { Actor } from '../modules/accounts/sessions.js';

/** Who may call a route. Routes under /api without one require a signed-in user: secure by default. */
export type Access = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the user still has to replace an initial password. */
    duringPasswordChange?: boolean;
    /** Reachable while the user still has to set up the second factor their role requires. */
    duringTwoFactorSetup?: boolean;
  }
}

export function registerAccessControl(app: FastifyInstance) {
  // onRequest, so an outsider learns nothing from validation errors. Runs after the session hook.
  app.addHook('onRequest', async (req) => {
    const route = req.routeOptions.url;
    if (!route || !(route.startsWith('/api/') || route.startsWith('/ws/'))) return;
    const config = req.routeOptions.config;
    const access = config.access ?? 'signed-in';
    if (access === 'public') return;
    const actor = req.actor;
    if (!actor) throw new AppError('unauthenticated');
    if (actor.mustChangePassword && !config.duringPasswordChange) throw new AppError('password_change_required');
    if (actor.twoFactorSetupRequired && !actor.mustChangePassword && !config.duringTwoFactorSetup) throw new AppError('two_factor_setup_required');
    if (access !== 'signed-in' && !access.includes(actor.role)) throw new AppError('forbidden');
  });
}

/** For handlers of routes whose access guarantees a signed-in user. */
export function actorOf(req: { actor: Actor | null }): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}
