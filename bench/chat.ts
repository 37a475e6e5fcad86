// Chat: sequential round trips (one message in flight at a time, across many pairs) and a
// sustained burst across every pair at once, through one instance or two (Redis); beside a bare
// `ws` relay in the same run. A message counts when it reaches the other side's socket.
import WebSocket from 'ws';
import type { People, Person } from './people.js';
import type { Seeded } from './seed.js';

export interface Pair {
  appointmentId: string;
  patient: Person;
  doctor: Person;
}

/** The seeded open chats (at most `limit`) with their two people. */
export function pairsOf(seeded: Seeded, people: People, limit = Infinity): Pair[] {
  const byId = new Map([...people.patients, ...people.doctors].map((p) => [p.id, p]));
  return seeded.chats.slice(0, limit).map((c) => ({ appointmentId: c.appointmentId, patient: byId.get(c.patientId)!, doctor: byId.get(c.doctorId)! }));
}

const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 500);
/** A chat socket may send 10 messages a second (30 at once): each side of each pair sends at that pace. */
const PER_SECOND = 10;
const PER_SOCKET = Number(process.env.BENCH_BURST_MESSAGES ?? 20);
const DRAIN_MS = 60_000;

export interface Side {
  ws: WebSocket;
  /** Resolvers of messages this side waits for, by client id. */
  waiting: Map<string, (at: number) => void>;
  refused: number;
}

/** Opens one chat socket as a browser would (cookie and Origin); resolves once `ready`. */
export function openSide(origin: string, path: string, cookie?: string): Promise<Side> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(origin.replace(/^http/, 'ws') + path, { headers: { origin, ...(cookie ? { cookie } : {}) } });
    const side: Side = { ws, waiting: new Map(), refused: 0 };
    ws.on('message', (raw) => {
      const e = JSON.parse(String(raw));
      // Our server relays `chat.message`; the bare relay hands over what was sent (`chat.send`).
      const clientId = e.type === 'chat.message' ? e.message.clientId : e.type === 'chat.send' ? e.clientId : null;
      if (clientId) side.waiting.get(clientId)?.(performance.now());
      else if (e.type === 'ready') resolve(side);
      else if (e.type === 'error') side.refused++;
    });
    ws.on('unexpected-response', (_req, res) => reject(new Error(`socket refused: ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

export interface OpenPair {
  patient: Side;
  doctor: Side;
}

/** Patients on `patientOrigin`, doctors on `doctorOrigin` (two instances, or the same one twice). */
export async function openPairs(pairs: Pair[], patientOrigin: string, doctorOrigin: string, withCookies = true): Promise<OpenPair[]> {
  const out: OpenPair[] = [];
  for (let i = 0; i < pairs.length; i += 50) {
    out.push(
      ...(await Promise.all(
        pairs.slice(i, i + 50).map(async (p) => ({
          patient: await openSide(patientOrigin, `/ws/chat/${p.appointmentId}/`, withCookies ? p.patient.cookie : undefined),
          doctor: await openSide(doctorOrigin, `/ws/chat/${p.appointmentId}/`, withCookies ? p.doctor.cookie : undefined),
        })),
      )),
    );
  }
  return out;
}

export const closePairs = (pairs: OpenPair[]) => pairs.forEach((p) => (p.patient.ws.close(), p.doctor.ws.close()));

let counter = 0;
let lastArrival = 0;
/** Sends one message from `from` and resolves with its latency when `to` has it (or null after `timeoutMs`). */
function send(from: Side, to: Side, timeoutMs = DRAIN_MS): Promise<number | null> {
  const clientId = `b${(counter++).toString(36)}`;
  const sentAt = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => (to.waiting.delete(clientId), resolve(null)), timeoutMs);
    to.waiting.set(clientId, (at) => {
      clearTimeout(timer);
      to.waiting.delete(clientId);
      lastArrival = Math.max(lastArrival, at);
      resolve(at - sentAt);
    });
    from.ws.send(JSON.stringify({ type: 'chat.send', clientId, text: `Bench message ${clientId}: how are you feeling today?` }));
  });
}

const pct = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : null);
const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

export interface ChatFigure {
  messages: number;
  delivered: number;
  /** Not delivered within 60 s (after the last send): a burst the server could not drain in time. */
  lost: number;
  refused: number;
  msgPerSec: number;
  p50Ms: number | null;
  p99Ms: number | null;
}

function figure(latencies: (number | null)[], seconds: number, pairs: OpenPair[]): ChatFigure {
  const got = latencies.filter((l): l is number => l !== null).sort((a, b) => a - b);
  return {
    messages: latencies.length,
    delivered: got.length,
    lost: latencies.length - got.length,
    refused: pairs.reduce((n, p) => n + p.patient.refused + p.doctor.refused, 0),
    msgPerSec: Math.round(got.length / seconds),
    p50Ms: round(pct(got, 50)),
    p99Ms: round(pct(got, 99)),
  };
}

/** One message in flight at a time, each from the next pair's patient (so no socket nears its limit). */
export async function sequential(pairs: OpenPair[], count = ROUND_TRIPS): Promise<ChatFigure> {
  const latencies: (number | null)[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const p = pairs[i % pairs.length]!;
    latencies.push(await send(p.patient, p.doctor, 10_000));
  }
  return figure(latencies, (performance.now() - started) / 1000, pairs);
}

/**
 * Both sides of every pair send `perSocket` messages, `perSecond` each (0: all at once, for the
 * relay's ceiling). Delivered messages a second count from the first send to the last arrival.
 */
export async function burst(pairs: OpenPair[], perSecond = PER_SECOND, perSocket = PER_SOCKET): Promise<ChatFigure> {
  const started = performance.now();
  lastArrival = started;
  const sends: Promise<number | null>[] = [];
  const gap = perSecond ? 1000 / perSecond : 0;
  await Promise.all(
    pairs.flatMap((p) => [[p.patient, p.doctor] as const, [p.doctor, p.patient] as const]).map(async ([from, to]) => {
      await new Promise((r) => setTimeout(r, Math.random() * gap));
      for (let i = 0; i < perSocket; i++) {
        sends.push(send(from, to));
        if (gap) await new Promise((r) => setTimeout(r, gap));
      }
    }),
  );
  const latencies = await Promise.all(sends);
  return figure(latencies, (lastArrival - started) / 1000, pairs);
}
