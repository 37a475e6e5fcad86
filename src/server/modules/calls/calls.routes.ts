import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.js';
import { IceConfig, VideoCallToken } from '../../../contracts/video.js';
import { actorCtxOf } from '../../context.js';
import { iceConfigFor } from './ice.js';
import { issueRoomToken } from './calls.service.js';

export async function callRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['video'];

  app.post('/api/appointments/:appointmentId/video-call/token', {
    schema: { tags, params: IdParams('appointmentId'), response: { 200: VideoCallToken } },
    config: { access: ['patient', 'doctor'] },
  }, async (req) => issueRoomToken(actorCtxOf(req), req.params.appointmentId));

  // For the device check page: the same servers a call would use, with credentials for an hour.
  app.get('/api/video-call/ice-servers', {
    schema: { tags, response: { 200: IceConfig } },
  }, async (req) => {
    const ctx = actorCtxOf(req);
    return iceConfigFor(ctx.config, ctx.actor.userId, new Date(ctx.clock.now().getTime() + 3_600_000));
  });
}
