import { describe, expect, it } from 'vitest';
import { allWeek, slotsOf } from '../test/appointments.js';
import { buildTenant } from '../test/factories.js';
import { Client, useTestApp } from '../test/harness.js';
import { connect, listen } from '../test/sockets.js';
import { inArray, count } from 'drizzle-orm';
import { outgoingMail } from '../db/schema/index.js';

/** /metrics: off without METRICS_TOKEN, for its bearer only, and what it counts. */
const TOKEN = 'a-metrics-token-long-enough';
const t = useTestApp({ METRICS_TOKEN: TOKEN });

const scrape = async (client: Client) => {
  const res = await client.request('GET', '/metrics', undefined, { authorization: `Bearer ${TOKEN}` });
  expect(res.status).toBe(200);
  return String(res.body);
};
const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"()[\]/.+]/g, '\\$&')} (\\d+(\\.\\d+)?)$`, 'm').exec(text)?.[1] ?? NaN);

describe('metrics', () => {
  it('do not exist without METRICS_TOKEN', async () => {
    const off = await t.another({ METRICS_TOKEN: '' });
    expect((await new Client(off).request('GET', '/metrics', undefined, { authorization: `Bearer ${TOKEN}` })).status).toBe(404);
  });

  it('answer only the bearer of the token', async () => {
    const client = new Client(t.app);
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, TOKEN]) {
      const res = await client.request('GET', '/metrics', undefined, authorization ? { authorization } : {});
      expect(res.status, authorization).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
      expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    }
    const ok = await client.request('GET', '/metrics', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(String(ok.headers['content-type'])).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(ok.headers['cache-control']).toBe('no-store');
  });

  it('count requests by route pattern (never an id), chat messages, sockets by kind, calls, the mail queue and the pool', async () => {
    const h = await buildTenant(t.app);
    for (let i = 0; i < 2; i++) expect((await h.as.patient.get(`/api/doctors/${h.doctor.id}`)).status).toBe(200);
    expect((await h.as.patient.get('/api/doctors/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek());
    const [slot] = await slotsOf(h.as.patient, h.doctor.id);
    const appointment = (await h.as.patient.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: 'Cough' })).body.id as string;
    const base = await listen(t.app);
    const socket = await connect(base, '/ws/notifications/', h.as.doctor.cookie);

    const before = await scrape(h.as.patient);
    expect((await h.as.patient.post(`/api/appointments/${appointment}/messages`, { text: 'Hello' })).status).toBe(201);
    const text = await scrape(h.as.patient);
    const doctorRoute = 'tm_http_request_duration_seconds_count{method="GET",route="/api/doctors/:doctorId",status="%"}';
    expect(value(text, doctorRoute.replace('%', '200'))).toBeGreaterThanOrEqual(2);
    expect(value(text, doctorRoute.replace('%', '404'))).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(h.doctor.id);
    expect(value(text, 'tm_chat_messages_total') - value(before, 'tm_chat_messages_total')).toBe(1);
    expect(value(text, 'tm_open_sockets{kind="notifications"}')).toBe(1);
    expect(value(text, 'tm_open_sockets{kind="chat"}')).toBe(0);
    expect(value(text, 'tm_open_sockets{kind="call"}')).toBe(0);
    expect(value(text, 'tm_calls_in_progress')).toBe(0);
    const [queued] = await t.app.db.select({ n: count() }).from(outgoingMail).where(inArray(outgoingMail.status, ['queued', 'sending']));
    expect(value(text, 'tm_mail_queue_depth')).toBe(queued!.n);
    expect(text).toContain('tm_process_resident_memory_bytes');
    if (t.database.kind === 'postgres') expect(value(text, 'tm_db_pool_waiting')).toBe(0);
    else expect(text).not.toContain('tm_db_pool');
    socket.close();
  });
});
