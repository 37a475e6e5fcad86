import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the test SMTP server received it, parsed (parts, attachments, headers). */
export type Received = ParsedMail & { to: string };

/**
 * A real SMTP server on loopback (smtp-server) for the tests: it keeps what it receives, and can
 * be told to refuse (451 to every message) or to be down (connections refused) for a while.
 */
export class TestSmtp {
  readonly messages: Received[] = [];
  /** While true, every message is answered 451 (a temporary failure) and nothing is kept. */
  refusing = false;
  refused = 0;
  private server: SMTPServer | null = null;
  private waiters: (() => void)[] = [];

  private constructor(public port: number) {}

  static async start(): Promise<TestSmtp> {
    const smtp = new TestSmtp(0);
    await smtp.listen();
    return smtp;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  private async listen() {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.refusing) {
            this.refused++;
            const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
            return callback(error);
          }
          simpleParser(Buffer.concat(chunks)).then((mail) => {
            this.messages.push(Object.assign(mail, { to: session.envelope.rcptTo.map((r) => r.address).join(',') }));
            for (const w of this.waiters.splice(0)) w();
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Down: nothing listens on the port until `up`. */
  async down() {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Back on the same port. */
  async up() {
    if (!this.server) await this.listen();
  }

  /** The messages to this address so far. */
  to(address: string) {
    return this.messages.filter((m) => m.to.split(',').includes(address.toLowerCase()));
  }

  /** Waits until a message to `address` matching `test` has arrived (and returns it). */
  async waitFor(address: string, test: (m: Received) => boolean = () => true, timeoutMs = 20_000): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.to(address).find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${address} arrived in time (have ${this.messages.length} for others)`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  async close() {
    await this.down();
  }
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: { text?: string }, prefix: string): string {
  const match = (mail.text ?? '').match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\S*`));
  if (!match) throw new Error(`no link starting ${prefix} in:\n${mail.text}`);
  return match[0];
}
