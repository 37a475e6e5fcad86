// HTTP: requests a second, p50 and p99 at 50 connections for what people do most, each request
// acting as the next of many signed-in people; beside a bare Fastify route in the same run.
import autocannon, { type Request } from 'autocannon';
import type { CpuMeter } from './cpu.js';
import { DOCTOR_DASHBOARD } from '../src/contracts/dashboard.js';
import { NOTIFICATION_PANEL } from '../src/contracts/notifications.js';
import { ACTIVE_STATUSES } from '../src/web/entities/appointments/appointment-status.js';
import { turns, type People, type Person } from './people.js';
import { ids, PASSWORD, patientEmail } from './seed.js';

export const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

export interface HttpFigure {
  name: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers other than 2xx: a figure with errors measures the wrong thing. */
  errors: number;
  /** Requests per unit the name counts (a dashboard is five requests). */
  per?: number;
  /** CPU time per unit (µs), of the server's process and of PostgreSQL's, over the run and its warm-up. */
  serverCpuUs?: number;
  databaseCpuUs?: number;
}

type Setup = (req: Request, context?: Record<string, unknown>) => Request;

export async function load(name: string, origin: string, requests: Setup[], opts: { per?: number; seconds?: number; method?: string; cpu?: CpuMeter } = {}): Promise<HttpFigure> {
  const cpu = opts.cpu;
  const before = { at: performance.now(), server: cpu?.server() ?? 0, database: cpu?.database?.() ?? 0 };
  const result = await autocannon({
    // Not in the published types, but in autocannon since v7: a second of load before measuring.
    ...({ warmup: { connections: CONNECTIONS, duration: 1 } } as object),
    url: origin,
    connections: CONNECTIONS,
    duration: opts.seconds ?? SECONDS,
    requests: requests.map((setup) => ({ method: 'GET', setupRequest: setup })) as never,
  });
  const per = opts.per ?? 1;
  const reqPerSec = result.requests.total / result.duration / per;
  // The warm-up second loads the server as the measured ones do: CPU over the whole call, per unit at the measured rate.
  const units = reqPerSec * ((performance.now() - before.at) / 1000);
  const perUnit = (seconds: number) => Math.round((seconds * 1e6) / units);
  return {
    name,
    reqPerSec: Math.round(reqPerSec),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    ...(per > 1 ? { per } : {}),
    ...(cpu ? { serverCpuUs: perUnit(cpu.server() - before.server) } : {}),
    ...(cpu?.database ? { databaseCpuUs: perUnit(cpu.database() - before.database) } : {}),
  };
}

/** What Chromium sends with every request: answers over 1 KB come back compressed, as a browser gets them. */
const ACCEPT = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const get = (path: string, cookie?: string): Setup => (req) => ({ ...req, method: 'GET', path, headers: cookie ? { ...ACCEPT, cookie } : ACCEPT });
const me = (c: Record<string, unknown>) => c.me as Person;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** A list's query string as a dashboard's panel asks for it. */
const listQuery = (p: { status: readonly string[]; order: string; limit: number; offset: number }) =>
  `status=${p.status.join(',')}&order=${p.order}&limit=${p.limit}&offset=${p.offset}`;
/** The `from` and `to` of the day a connection's page load looks at. */
const dayOf = (c: Record<string, unknown>) => {
  const day = c.day as Date;
  return `from=${encodeURIComponent(day.toISOString())}&to=${encodeURIComponent(addDays(day, 1).toISOString())}`;
};
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** Every figure of the http scenario against one server; the ceiling is measured by the caller. */
export async function httpFigures(origin: string, people: People, today: Date, only?: Set<string>, cpu?: CpuMeter): Promise<HttpFigure[]> {
  const patient = turns(people.patients);
  const doctor = turns(people.doctors);
  const admin = turns(people.admins);
  const pastDays = turns([1, 2, 3, 4, 5, 6, 7].map((n) => addDays(today, -n)));
  const terms = turns(['shre', 'thapa', 'gurung', 'sita', 'maya', 'rai', 'karki', 'patient12']);
  const upcoming = `/api/appointments?status=${ACTIVE_STATUSES.join(',')}&order=asc&limit=5&offset=0`;

  const scenarios: [string, Setup[], { per?: number }?][] = [
    ['GET /healthz', [get('/healthz')]],
    ['GET /api/auth/me', [(r) => get('/api/auth/me', patient().cookie)(r)]],
    ['a patient\'s appointment list', [(r) => get('/api/appointments?order=desc&limit=20&offset=0', patient().cookie)(r)]],
    ['a doctor\'s day', [(r) => {
      const day = pastDays();
      return get(`/api/appointments?from=${day.toISOString()}&to=${addDays(day, 1).toISOString()}&order=asc&limit=50&offset=0`, doctor().cookie)(r);
    }]],
    ['an admin\'s patient search', [(r) => {
      const a = admin();
      return get(`/api/hospitals/${ids.hospital(a.hospital)}/patients?q=${terms()}&limit=20&offset=0`, a.cookie)(r);
    }]],
    ['free slots for 30 days', [(r) => {
      const p = patient();
      const doctors = people.doctorsOf(p.hospital);
      const d = doctors[Math.floor(Math.random() * doctors.length)]!;
      return get(`/api/doctors/${d.id}/slots?from=${isoDay(today)}&to=${isoDay(addDays(today, 29))}`, p.cookie)(r);
    }]],
    ['a patient\'s dashboard (5 calls)', [
      // One person per connection at a time: the five calls of one page load.
      (r, c = {}) => ((c.me = patient()), get('/api/auth/me', me(c).cookie)(r)),
      (r, c = {}) => get(`/api/patients/${me(c).id}`, me(c).cookie)(r),
      (r, c = {}) => get(upcoming, me(c).cookie)(r),
      (r, c = {}) => get('/api/notifications?limit=8&offset=0', me(c).cookie)(r),
      (r, c = {}) => get('/api/chat/unread', me(c).cookie)(r),
    ], { per: 5 }],
    // The same page as the browser now opens it: the session, then one call for the panels and the header.
    ['a patient\'s dashboard (2 calls)', [
      (r, c = {}) => ((c.me = patient()), get('/api/auth/me', me(c).cookie)(r)),
      (r, c = {}) => get('/api/dashboard', me(c).cookie)(r),
    ], { per: 2 }],
    ['a doctor\'s dashboard (7 calls)', [
      (r, c = {}) => ((c.me = doctor()), (c.day = pastDays()), get('/api/auth/me', me(c).cookie)(r)),
      (r, c = {}) => get(`/api/doctors/${me(c).id}`, me(c).cookie)(r),
      (r, c = {}) => get(`/api/doctors/${me(c).id}/availability`, me(c).cookie)(r),
      (r, c = {}) => get(`/api/appointments?${listQuery(DOCTOR_DASHBOARD.requests)}`, me(c).cookie)(r),
      (r, c = {}) => get(`/api/appointments?${listQuery(DOCTOR_DASHBOARD.today)}&${dayOf(c)}`, me(c).cookie)(r),
      (r, c = {}) => get(`/api/notifications?limit=${NOTIFICATION_PANEL.limit}&offset=${NOTIFICATION_PANEL.offset}`, me(c).cookie)(r),
      (r, c = {}) => get('/api/chat/unread', me(c).cookie)(r),
    ], { per: 7 }],
    ['a doctor\'s dashboard (2 calls)', [
      (r, c = {}) => ((c.me = doctor()), (c.day = pastDays()), get('/api/auth/me', me(c).cookie)(r)),
      (r, c = {}) => get(`/api/dashboard/doctor?${dayOf(c)}`, me(c).cookie)(r),
    ], { per: 2 }],
    ['the web app\'s index', [get('/')]],
  ];
  const figures: HttpFigure[] = [];
  for (const [name, setups, opts] of scenarios) if (!only || only.has(name)) figures.push(await load(name, origin, setups, { ...opts, cpu }));
  return figures;
}

/** Sign-in, apart: each one checks an argon2id hash (~10 ms of CPU by design). */
export async function signInFigure(origin: string, patients: number, cpu?: CpuMeter): Promise<HttpFigure> {
  let n = 0;
  const signIn: Setup = (req) => ({
    ...req,
    method: 'POST',
    path: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: patientEmail((n++ % patients) + 1), password: PASSWORD }),
  });
  return load('sign-in (argon2id)', origin, [signIn], { cpu });
}

/** The bare route the http figures are measured against. */
export const bareFigure = (origin: string, cpu?: CpuMeter) => load('bare Fastify route (ceiling)', origin, [get('/')], { cpu });

