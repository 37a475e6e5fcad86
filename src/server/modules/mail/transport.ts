import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { MailAttachment } from '../../db/schema/index.js';

export interface OutgoingMessage {
  /** The queue row's id: the Message-ID is made of it, so a receiver can tell a repeat. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

export interface MailTransport {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/** Why a send failed, as the queue and the log keep it: the server's code and reply, no addresses or bodies. */
export function sendFailure(err: unknown): { summary: string; code: string | null; responseCode: number | null } {
  const e = err as { code?: unknown; responseCode?: unknown; command?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : null;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const command = typeof e.command === 'string' ? ` during ${e.command}` : '';
  // A network failure's errno (ECONNREFUSED, ETIMEDOUT) says more than nodemailer's ESOCKET.
  const errno = typeof e.message === 'string' ? /\bE[A-Z]{4,}\b/.exec(e.message)?.[0] : undefined;
  const summary = `${code ?? 'ERROR'}${errno && errno !== code ? ` (${errno})` : ''}${responseCode ? ` ${responseCode}` : ''}${command}`;
  return { summary, code, responseCode };
}

const domainOf = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'telemedicine.invalid';

/**
 * Where mail goes: an SMTP server (nodemailer; `smtps://` is TLS from the start, `smtp://`
 * upgrades with STARTTLS when offered); in development without SMTP_URL, the log, since it is
 * the only place a developer can read a reset link; in production without it, nowhere.
 */
export function mailTransport(config: Config, log: FastifyBaseLogger): MailTransport | null {
  const { delivery, smtpUrl, from } = config.mail;
  const messageId = (id: string) => `<${id}@${domainOf(from)}>`;
  if (delivery === 'smtp') {
    const transport = nodemailer.createTransport({
      url: smtpUrl!,
      // A slow server is a failed attempt (retried later), never a worker stuck past its claim.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
      logger: false,
      debug: false,
    } as never);
    return {
      send: async (m) => {
        await transport.sendMail({
          from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: messageId(m.id),
          attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        });
      },
      close: () => transport.close(),
    };
  }
  if (delivery === 'log') {
    // Development only (config never chooses `log` in production): the whole text, links included.
    return {
      send: async (m) => {
        log.info({ mail: { to: m.to, subject: m.subject, text: m.text, attachments: m.attachments.map((a) => a.filename) } }, 'mail (not sent: SMTP_URL is not set, so it is written here)');
      },
      close: () => {},
    };
  }
  return null;
}
