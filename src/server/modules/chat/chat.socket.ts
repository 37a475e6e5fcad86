import { z } from 'zod';
import { Id } from '../../../contracts/common.js';
import { ChatClientEvent } from '../../../contracts/realtime.js';
import { AppError } from '../../errors.js';
import type { SocketEndpoint } from '../../realtime/gateway.js';
import { toAppointment } from '../../realtime/events.js';
import { chatAccess } from '../../access/chat.policy.js';
import { assertMayWrite, chatOf, markRead, noteDelivered, sendMessage } from './chat.service.js';

/**
 * `/ws/chat/<appointmentId>/`: the appointment's patient and doctor, while its chat is open.
 * A read-only chat is read over HTTP.
 */
export const chatSocket: SocketEndpoint<{ appointmentId: string }, ChatClientEvent> = {
  kind: 'chat',
  path: '/ws/chat/:appointmentId/',
  params: z.object({ appointmentId: Id }),
  async admit(ctx, { appointmentId }) {
    const { appointment, access } = await chatOf(ctx, appointmentId);
    if (access.participant && !access.canWrite) throw new AppError('chat_closed', 'This chat is read-only: load its history over HTTP');
    assertMayWrite(access, 'join this chat');
    return { listens: [`appointment:${appointmentId}`], appointmentId, appointment, ready: { canWrite: true } };
  },
  messages: ChatClientEvent,
  async onMessage(ctx, conn, event, reply) {
    const appointmentId = conn.appointmentId!;
    // Read again only after it changed (the gateway forgets it then).
    conn.appointment ??= (await chatOf(ctx, appointmentId)).appointment;
    if (event.type === 'chat.send') {
      const message = await sendMessage(ctx, appointmentId, { text: event.text, clientId: event.clientId }, conn.appointment);
      reply({ type: 'chat.ack', clientId: event.clientId, message });
    } else if (event.type === 'chat.read') {
      await markRead(ctx, appointmentId, event.upToSeq, conn.appointment);
    } else {
      // Typing is never stored: the one event that goes straight to the bus (decision 7).
      await ctx.bus.publish(toAppointment(appointmentId, { type: 'chat.typing', appointmentId, userId: ctx.actor.userId, typing: event.typing }));
    }
  },
  stillAllowed(ctx, conn, appointment) {
    if (!appointment) return false;
    conn.appointment = appointment;
    return chatAccess(appointment, ctx.scope, ctx.config, ctx.clock.now()).canWrite;
  },
  // One's own typing is not news to oneself.
  hears: (conn, event) => !(event.type === 'chat.typing' && event.userId === conn.actor.userId),
  async delivered(ctx, _conn, event) {
    if (event.type === 'chat.message' && event.message.senderId !== ctx.actor.userId && !event.message.deliveredAt)
      noteDelivered(ctx, event.message.id);
  },
};
