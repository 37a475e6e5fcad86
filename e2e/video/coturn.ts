import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port.js';

/**
 * A real coturn (Debian's package) on loopback with `use-auth-secret`, as the video notes found
 * works: relay on 127.0.0.1 needs `allow-loopback-peers`. Stopping it is how a test cuts a
 * relay-only call's network (Playwright's offline mode does not touch WebRTC).
 */
export class Coturn {
  readonly port = freePort();
  readonly secret = `turn-secret-${Math.random().toString(36).slice(2)}`;
  private proc: ChildProcess | null = null;
  private readonly config: string;

  constructor() {
    const dir = mkdtempSync(join(tmpdir(), 'tm-coturn-'));
    const min = 49_152 + Math.floor(Math.random() * 10_000);
    this.config = join(dir, 'turnserver.conf');
    writeFileSync(
      this.config,
      [
        'listening-ip=127.0.0.1',
        'relay-ip=127.0.0.1',
        `listening-port=${this.port}`,
        `min-port=${min}`,
        `max-port=${min + 200}`,
        'realm=telemedicine.test',
        'use-auth-secret',
        `static-auth-secret=${this.secret}`,
        'fingerprint',
        'no-tls',
        'no-dtls',
        'no-tcp-relay',
        'no-multicast-peers',
        'allow-loopback-peers',
        'no-cli',
        'log-file=stdout',
        'simple-log',
      ].join('\n'),
    );
  }

  get url() {
    return `turn:127.0.0.1:${this.port}?transport=udp`;
  }

  async start() {
    this.proc = spawn('turnserver', ['-c', this.config], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('coturn did not start')), 10_000);
      this.proc!.stdout!.on('data', (d: Buffer) => {
        if (/listener opened on|Total General servers/.test(String(d))) {
          clearTimeout(timer);
          resolve();
        }
      });
      this.proc!.on('exit', (code) => reject(new Error(`coturn exited with ${code}`)));
    });
  }

  async stop() {
    const proc = this.proc;
    this.proc = null;
    if (!proc || proc.exitCode !== null) return;
    await new Promise((resolve) => {
      proc.once('exit', resolve);
      proc.kill('SIGKILL');
    });
  }
}
