import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_TYPES, ChatHistory, ChatMessage, ClientMessageId, HistoryQuery, ReadBody, SendMessageBody, UnreadCounts } from '../../../contracts/chat.js';
import { Id, text } from '../../../contracts/common.js';
import { actorCtxOf, type ActorCtx } from '../../context.js';
import { fieldError } from '../../errors.js';
import { readForm } from '../../plugins/multipart.js';
import { parseOr400 } from '../../plugins/parse.js';
import { assertMayWrite, chatOf, history, markRead, openAttachment, sendMessage, unreadCounts, type NewMessage } from './chat.service.js';

const params = z.object({ appointmentId: Id });
const Caption = z.object({ text: text().trim().max(4000).default(''), clientId: ClientMessageId.optional() });

/**
 * JSON `{text, clientId?}`, or a multipart form with `file` and optional `text` and `clientId`.
 * A file is received only from someone who may write here (it streams to disk as it arrives).
 */
async function readMessage(req: FastifyRequest, ctx: ActorCtx, appointmentId: string): Promise<NewMessage> {
  if (!req.isMultipart()) return parseOr400(SendMessageBody, req.body);
  assertMayWrite((await chatOf(ctx, appointmentId)).access);
  const rule = { maxBytes: ctx.config.chat.attachmentMaxBytes, types: ATTACHMENT_TYPES, refusal: 'Attach an image (PNG, JPEG, WebP, GIF), a PDF or a DICOM file' };
  const { file, fields } = await readForm(req, rule);
  if (!file) throw fieldError('validation_failed', 'file', 'Choose a file', 'Attach a file, or send JSON for a text message');
  try {
    return { ...parseOr400(Caption, fields), attachment: file };
  } catch (e) {
    await file.discard();
    throw e;
  }
}

export async function chatRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['chat'];

  app.get('/api/appointments/:appointmentId/messages', {
    schema: { tags, params, querystring: HistoryQuery, response: { 200: ChatHistory } },
  }, async (req) => history(actorCtxOf(req), req.params.appointmentId, req.query));

  app.post('/api/appointments/:appointmentId/messages', {
    schema: { tags, params, consumes: ['application/json', 'multipart/form-data'], response: { 201: ChatMessage } },
    config: { access: ['patient', 'doctor'] },
  }, async (req, reply) => {
    const ctx = actorCtxOf(req);
    const input = await readMessage(req, ctx, req.params.appointmentId);
    try {
      return reply.code(201).send(await sendMessage(ctx, req.params.appointmentId, input));
    } finally {
      await input.attachment?.discard();
    }
  });

  app.post('/api/appointments/:appointmentId/messages/read', {
    schema: { tags, params, body: ReadBody, response: { 200: z.object({ marked: z.number().int() }) } },
    config: { access: ['patient', 'doctor'] },
  }, async (req) => markRead(actorCtxOf(req), req.params.appointmentId, req.body.upToSeq));

  app.get('/api/appointments/:appointmentId/messages/:messageId/attachment', {
    schema: { tags, params: params.extend({ messageId: Id }) },
  }, async (req, reply) => {
    const file = await openAttachment(actorCtxOf(req), req.params.appointmentId, req.params.messageId);
    const inline = file.type.startsWith('image/');
    return reply
      .type(file.type)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .header('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('Cache-Control', 'private, max-age=3600')
      .send(file.stream);
  });

  app.get('/api/chat/unread', {
    schema: { tags, response: { 200: UnreadCounts } },
  }, async (req) => unreadCounts(actorCtxOf(req)));
}
