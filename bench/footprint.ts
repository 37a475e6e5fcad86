// Footprint: memory with many idle signed-in sockets (the notification socket every open page
// holds), and chat among a few active pairs meanwhile, across at least one heartbeat.
import WebSocket from 'ws';
import type { Person } from './people.js';

/** Opens `count` notification sockets, dealt round the people, 200 at a time. */
export async function openIdle(origin: string, people: Person[], count: number, from = 0): Promise<WebSocket[]> {
  const out: WebSocket[] = [];
  for (let i = 0; i < count; i += 200) {
    const batch = Array.from({ length: Math.min(200, count - i) }, (_, j) => {
      const who = people[(from + i + j) % people.length]!;
      return new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(origin.replace(/^http/, 'ws') + '/ws/notifications/', { headers: { origin, cookie: who.cookie } });
        ws.once('message', () => resolve(ws));
        ws.once('unexpected-response', (_req, res) => reject(new Error(`idle socket refused: ${res.statusCode}`)));
        ws.once('error', reject);
      });
    });
    out.push(...(await Promise.all(batch)));
  }
  return out;
}
