import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khaltiClient, type KhaltiClient } from './khalti.client.js';
import { startKhaltiStandIn, type RunningKhaltiStandIn } from './stand-in/server.js';

/**
 * The stand-in keeps Khalti's contract (shared/khalti/CONTRACT.md), and our real client reads
 * every answer of it right: both over real HTTP, on a free port.
 */
let k: RunningKhaltiStandIn;
let client: KhaltiClient;
const order = (over: Record<string, unknown> = {}) => ({
  returnUrl: 'http://127.0.0.1:9/api/payments/khalti/return',
  websiteUrl: 'http://127.0.0.1:9',
  amount: 50_000,
  purchaseOrderId: `order-${Math.random()}`,
  purchaseOrderName: 'Video visit',
  ...over,
});
const raw = (path: string, body: unknown, key: string | null = k.secretKey) =>
  fetch(`${k.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key === null ? {} : { authorization: key }) }, body: JSON.stringify(body) });

beforeAll(async () => {
  k = await startKhaltiStandIn({ port: 0, hangMs: 3_000 });
  client = khaltiClient({ baseUrl: k.baseUrl, secretKey: k.secretKey, timeoutMs: 1_000 });
});
afterAll(() => k.close());

describe('initiate', () => {
  it('answers pidx, payment_url, expires_at (Nepal time) and expires_in', async () => {
    const res = await raw('/api/v2/epayment/initiate/', { return_url: 'http://a.test/r', website_url: 'http://a.test', amount: 1000, purchase_order_id: 'o1', purchase_order_name: 'n' }, `Key ${k.secretKey}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ pidx: expect.stringMatching(/^[A-Za-z0-9]{22}$/), expires_in: 1800 });
    expect(body.payment_url).toBe(`${k.url}/pay/?pidx=${body.pidx}`);
    expect(body.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+05:45$/);
    const started = await client.initiate(order());
    expect(started).toMatchObject({ ok: true, paymentUrl: expect.stringContaining('/pay/?pidx=') });
  });

  it('refuses bad fields with Khalti\'s validation shape', async () => {
    const bad = await raw('/api/v2/epayment/initiate/', { return_url: 'not a url', website_url: '', amount: 999, purchase_order_name: 'n' }, `Key ${k.secretKey}`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      return_url: ['Enter a valid URL.'],
      website_url: ['This field may not be blank.'],
      purchase_order_id: ['This field is required.'],
      amount: ['Amount should be greater than Rs. 10, that is 1000 paisa.'],
      error_key: 'validation_error',
    });
    const breakdown = await raw('/api/v2/epayment/initiate/', { return_url: 'http://a.test/r', website_url: 'http://a.test', amount: 2000, purchase_order_id: 'o', purchase_order_name: 'n', amount_breakdown: [{ label: 'x', amount: 1000 }] }, `Key ${k.secretKey}`);
    expect(await breakdown.json()).toEqual({ amount: ['Amount Breakdown mismatch.'], error_key: 'validation_error' });
    expect(await client.initiate(order({ amount: 500 }))).toEqual({ ok: false, error: 'rejected', httpStatus: 400 });
  });

  it('answers 401 to a wrong key or a header without "Key "', async () => {
    expect(await (await raw('/api/v2/epayment/initiate/', {}, 'Key wrong')).json()).toEqual({ detail: 'Invalid token.', status_code: 401 });
    const bare = await raw('/api/v2/epayment/initiate/', {}, k.secretKey);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual({ detail: 'Authentication credentials were not provided.', status_code: 401 });
    expect((await raw('/api/v2/epayment/lookup/', { pidx: 'x' }, null)).status).toBe(401);
    const wrong = khaltiClient({ baseUrl: k.baseUrl, secretKey: 'wrong', timeoutMs: 1_000 });
    expect(await wrong.initiate(order())).toEqual({ ok: false, error: 'unauthorized', httpStatus: 401 });
    expect(await wrong.lookup('x')).toEqual({ ok: false, error: 'unauthorized', httpStatus: 401 });
  });
});

describe('lookup', () => {
  it('reports every status, Expired and User canceled with a 400 our client still reads', async () => {
    const cases = [
      ['Initiated', 200], ['Pending', 200], ['Completed', 200], ['Refunded', 200], ['Partially refunded', 200], ['Expired', 400], ['User canceled', 400],
    ] as const;
    for (const [status, http] of cases) {
      const started = await client.initiate(order());
      if (!started.ok) throw new Error('initiate');
      if (status !== 'Initiated') k.controls.setStatus(started.pidx, status);
      const res = await raw('/api/v2/epayment/lookup/', { pidx: started.pidx }, `Key ${k.secretKey}`);
      expect({ status, http: res.status }).toEqual({ status, http });
      const body = await res.json();
      expect(body).toMatchObject({ pidx: started.pidx, total_amount: 50_000, status, refunded: status === 'Refunded' });
      expect(body.transaction_id === null).toBe(!['Completed', 'Refunded', 'Partially refunded'].includes(status));
      expect(await client.lookup(started.pidx)).toMatchObject({ ok: true, pidx: started.pidx, status, totalAmount: 50_000 });
    }
  });

  it('lapses an unpaid link after its time, and answers 404 for an unknown pidx', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const timed = await startKhaltiStandIn({ port: 0, now: () => now, expiresInSeconds: 60 });
    try {
      const c = khaltiClient({ baseUrl: timed.baseUrl, secretKey: timed.secretKey, timeoutMs: 1_000 });
      const started = await c.initiate(order());
      if (!started.ok) throw new Error('initiate');
      expect(started.expiresAt.toISOString()).toBe('2030-01-01T00:01:00.000Z');
      now = new Date('2030-01-01T00:02:00Z');
      expect(await c.lookup(started.pidx)).toMatchObject({ ok: true, status: 'Expired' });
      const unknown = await raw('/api/v2/epayment/lookup/', { pidx: 'nope' }, `Key ${k.secretKey}`);
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ detail: 'Not found.', error_key: 'validation_error' });
      expect(await c.lookup('nope')).toEqual({ ok: false, error: 'not_found', httpStatus: 404 });
    } finally {
      await timed.close();
    }
  });

  it('can be told to time out, fail with 5xx, answer garbage or the wrong amount or pidx', async () => {
    const started = await client.initiate(order());
    if (!started.ok) throw new Error('initiate');
    k.controls.pay(started.pidx);
    const expectations: [Parameters<typeof k.controls.fail>[1], unknown][] = [
      ['timeout', { ok: false, error: 'timeout' }],
      ['server_error', { ok: false, error: 'unavailable', httpStatus: 503 }],
      ['malformed', { ok: false, error: 'malformed', httpStatus: 200 }],
      ['wrong_shape', { ok: false, error: 'malformed', httpStatus: 200 }],
      ['wrong_amount', { ok: true, status: 'Completed', totalAmount: 49_900 }],
      ['wrong_pidx', { ok: true, status: 'Completed', pidx: expect.not.stringMatching(started.pidx) }],
    ];
    for (const [fault, expected] of expectations) {
      k.controls.fail('lookup', fault);
      expect(await client.lookup(started.pidx)).toMatchObject(expected as object);
    }
    // Faults are used up: the next answer is right again.
    expect(await client.lookup(started.pidx)).toMatchObject({ ok: true, status: 'Completed', totalAmount: 50_000, pidx: started.pidx });
  });

  it('reports an unreachable Khalti as unavailable', async () => {
    const gone = await startKhaltiStandIn({ port: 0 });
    await gone.close();
    const c = khaltiClient({ baseUrl: gone.baseUrl, secretKey: gone.secretKey, timeoutMs: 1_000 });
    expect(await c.lookup('x')).toEqual({ ok: false, error: 'unavailable' });
  });
});

describe('refund', () => {
  it('refunds a completed payment in full or in part, once', async () => {
    const started = await client.initiate(order());
    if (!started.ok) throw new Error('initiate');
    k.controls.pay(started.pidx);
    const tid = k.controls.order(started.pidx).transactionId!;
    expect(await client.refund(tid, 10_000)).toEqual({ ok: true });
    expect(await client.lookup(started.pidx)).toMatchObject({ status: 'Partially refunded' });
    const res = await raw(`/api/merchant-transaction/${tid}/refund/`, {}, `Key ${k.secretKey}`);
    expect(await res.json()).toEqual({ detail: 'Transaction refund successful.' });
    expect(await client.lookup(started.pidx)).toMatchObject({ status: 'Refunded', refunded: true });
    expect(await client.refund(tid)).toEqual({ ok: false, error: 'rejected', httpStatus: 400 });
    expect(await client.refund('unknown')).toEqual({ ok: false, error: 'not_found', httpStatus: 404 });
  });
});

describe('the checkout page', () => {
  it('shows the amount with Pay and Cancel, and sends the payer back with Khalti\'s query string', async () => {
    const started = await client.initiate(order({ purchaseOrderName: 'Visit <b>&</b>' }));
    if (!started.ok) throw new Error('initiate');
    const page = await fetch(started.paymentUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Rs 500.00');
    expect(html).toContain('Test payment');
    expect(html).toContain('Visit &#60;b&#62;&#38;&#60;/b&#62;');
    expect(html).toMatch(/<button[^>]*value="pay"/);
    expect(html).toMatch(/<button[^>]*value="cancel"/);
    expect(html).not.toMatch(/<script|style=/);

    const pay = await fetch(`${k.url}/pay/`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `pidx=${started.pidx}&choice=pay&mobile=9800000003` });
    expect(pay.status).toBe(303);
    const back = new URL(pay.headers.get('location')!);
    expect(back.origin + back.pathname).toBe('http://127.0.0.1:9/api/payments/khalti/return');
    const q = Object.fromEntries(back.searchParams);
    const tid = k.controls.order(started.pidx).transactionId;
    expect(q).toMatchObject({ pidx: started.pidx, status: 'Completed', transaction_id: tid, tidx: tid, amount: '50000', total_amount: '50000', mobile: '98XXXXX003' });
    // Paid: the page no longer offers to pay.
    expect((await fetch(started.paymentUrl)).status).toBe(409);

    const other = await client.initiate(order());
    if (!other.ok) throw new Error('initiate');
    const cancel = await fetch(`${k.url}/pay/`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `pidx=${other.pidx}&choice=cancel` });
    const cq = Object.fromEntries(new URL(cancel.headers.get('location')!).searchParams);
    expect(cq).toMatchObject({ pidx: other.pidx, status: 'User canceled', transaction_id: '', tidx: '', mobile: '' });
    expect(await client.lookup(other.pidx)).toMatchObject({ ok: true, status: 'User canceled' });
  });
});

describe('the checkout page’s pending payment (a stand-in facility)', () => {
  const post = (body: string) => fetch(`${k.url}/pay/`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

  it('leaves a payment Pending, sends the payer back saying so, and settles it later without sending anyone back', async () => {
    const started = await client.initiate(order());
    if (!started.ok) throw new Error('initiate');
    expect(await (await fetch(started.paymentUrl)).text()).toMatch(/<button[^>]*value="pending"[^>]*>Pay, but leave it pending</);

    const held = await post(`pidx=${started.pidx}&choice=pending&mobile=9800000004`);
    expect(held.status).toBe(303);
    const q = Object.fromEntries(new URL(held.headers.get('location')!).searchParams);
    expect(q).toMatchObject({ pidx: started.pidx, status: 'Pending', transaction_id: '', amount: '50000' });
    expect(await client.lookup(started.pidx)).toMatchObject({ ok: true, status: 'Pending', transactionId: null });

    // The same link now offers to settle it, and nothing else.
    const pending = await (await fetch(started.paymentUrl)).text();
    expect(pending).toContain('is pending');
    expect(pending).toMatch(/<button[^>]*value="settle"/);
    expect(pending).not.toMatch(/value="(pay|cancel|pending)"/);
    expect((await post(`pidx=${started.pidx}&choice=pay`)).status).toBe(400);
    expect(await client.lookup(started.pidx)).toMatchObject({ ok: true, status: 'Pending' });

    const settled = await post(`pidx=${started.pidx}&choice=settle`);
    expect(settled.status).toBe(200);
    expect(settled.headers.get('location')).toBeNull();
    expect(await settled.text()).toContain('The payment is settled');
    expect(await client.lookup(started.pidx)).toMatchObject({ ok: true, status: 'Completed', transactionId: k.controls.order(started.pidx).transactionId, totalAmount: 50_000 });
    // Settled once: the link no longer offers anything.
    expect((await fetch(started.paymentUrl)).status).toBe(409);
    expect(() => k.controls.settle(started.pidx)).toThrow(/not Pending/);
  });

  it('settles only a pending payment', async () => {
    const started = await client.initiate(order());
    if (!started.ok) throw new Error('initiate');
    expect((await post(`pidx=${started.pidx}&choice=settle`)).status).toBe(400);
    expect(await client.lookup(started.pidx)).toMatchObject({ ok: true, status: 'Initiated' });
  });
});
