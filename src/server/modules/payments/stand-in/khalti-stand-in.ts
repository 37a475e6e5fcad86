import { randomBytes } from 'node:crypto';
import type { LookupStatus } from '../khalti.client.js';
import { checkoutPage, checkoutChoice } from './checkout-page.js';

/**
 * A stand-in for Khalti's ePayment API (KPG-2, v2), following `shared/khalti/CONTRACT.md`:
 * initiate, a checkout page with Pay and Cancel (and a payment left Pending, settled later),
 * lookup with every status, refund, the error shapes (401 for a wrong key, 400 for Expired and
 * User canceled, 404 for an unknown pidx).
 * It knows nothing of HTTP servers: `handle` takes a request and gives an answer, so the same
 * code runs standalone (`server.ts`, for tests) and inside our server (`mount.ts`).
 * Tests steer it: pay, cancel, hold and settle, expire or set any status, and make the next answers fail.
 */
export type StandInEndpoint = 'initiate' | 'lookup' | 'refund';
/**
 * `timeout`: does the work, then answers only after `hangMs` (the answer is lost on the way);
 * `server_error`: 503 and nothing done; `malformed`: 200 with an HTML body; `wrong_shape`: 200
 * JSON without the expected fields; `wrong_amount` / `wrong_pidx`: a lookup that reports another
 * amount (`amount`, else 100 paisa less) or another pidx.
 */
export type StandInFault = 'timeout' | 'server_error' | 'malformed' | 'wrong_shape' | 'wrong_amount' | 'wrong_pidx';

export interface StandInOrder {
  pidx: string;
  amount: number;
  purchaseOrderId: string;
  purchaseOrderName: string;
  returnUrl: string;
  websiteUrl: string;
  createdAt: Date;
  expiresAt: Date;
  status: LookupStatus;
  transactionId: string | null;
  mobile: string | null;
  refundedAmount: number;
}

export interface StandInRequest {
  method: string;
  /** The path below where the stand-in lives, starting with `/`, without the query. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
  /** Where the stand-in lives as the payer's browser sees it, e.g. `http://127.0.0.1:8451` (no trailing slash). */
  base: string;
  signal?: AbortSignal;
}

export interface StandInResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface StandInOptions {
  /** The one key it accepts (`Authorization: Key <key>`); a random one by default. */
  secretKey?: string;
  /** Its clock, for link expiry; the system's by default (tests pass the app's). */
  now?: () => Date;
  /** How long a payment link lasts (Khalti's sandbox: 1800 s). */
  expiresInSeconds?: number;
  /** How long a `timeout` fault holds its answer. */
  hangMs?: number;
}

interface ActiveFault {
  endpoint: StandInEndpoint;
  fault: StandInFault;
  remaining: number;
  amount?: number;
}

export interface StandInCall {
  endpoint: StandInEndpoint;
  key: string;
  status: number;
}

const json = (status: number, body: unknown): StandInResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const NOT_FOUND = { detail: 'Not found.', error_key: 'validation_error' };
const masked = (mobile: string) => `${mobile.slice(0, 2)}XXXXX${mobile.slice(-3)}`;
const token = (n: number) => randomBytes(n).toString('base64url').replace(/[-_]/g, '').slice(0, n);

/** Khalti writes times in Nepal's zone: 2023-05-25T16:26:16.471649+05:45. */
const nepalTime = (d: Date) => `${new Date(d.getTime() + 345 * 60_000).toISOString().replace('Z', '')}000+05:45`;

export class KhaltiStandIn {
  readonly secretKey: string;
  readonly orders = new Map<string, StandInOrder>();
  /** Every API call it answered, in order (`key` is the pidx or transaction id). */
  readonly calls: StandInCall[] = [];
  private faults: ActiveFault[] = [];
  private readonly now: () => Date;
  private readonly expiresInSeconds: number;
  private readonly hangMs: number;

  constructor(opts: StandInOptions = {}) {
    // Shaped like Khalti's test keys (test_secret_key_…), so payments made with it are labelled test payments.
    this.secretKey = opts.secretKey ?? `test_secret_key_${token(32)}`;
    this.now = opts.now ?? (() => new Date());
    this.expiresInSeconds = opts.expiresInSeconds ?? 1800;
    this.hangMs = opts.hangMs ?? 30_000;
  }

  // ---- controls ----

  order(pidx: string): StandInOrder {
    const o = this.orders.get(pidx);
    if (!o) throw new Error(`the stand-in has no order ${pidx}`);
    return o;
  }

  /** The payer pays (as the checkout page's Pay does); returns where their browser is sent. */
  pay(pidx: string, mobile = '9800000001'): string {
    const o = this.order(pidx);
    o.status = 'Completed';
    o.transactionId = token(22);
    o.mobile = masked(mobile);
    return this.returnUrlOf(o);
  }

  /**
   * The payer pays but the wallet has not settled it (the checkout page's "leave it pending"):
   * lookups say `Pending` until `settle`. Returns where their browser is sent.
   */
  hold(pidx: string, mobile = '9800000001'): string {
    const o = this.order(pidx);
    o.status = 'Pending';
    o.mobile = masked(mobile);
    return this.returnUrlOf(o);
  }

  /** The wallet settles a pending payment: `Completed`, found by the merchant's next lookup (nobody is sent back). */
  settle(pidx: string) {
    const o = this.order(pidx);
    if (o.status !== 'Pending') throw new Error(`the stand-in's order ${pidx} is ${o.status}, not Pending`);
    o.status = 'Completed';
    o.transactionId = token(22);
  }

  /** The payer cancels at the checkout page; returns where their browser is sent. */
  cancel(pidx: string): string {
    const o = this.order(pidx);
    o.status = 'User canceled';
    return this.returnUrlOf(o);
  }

  /** The link lapses unpaid. */
  expire(pidx: string) {
    this.order(pidx).status = 'Expired';
  }

  /** Any status at all, e.g. `Pending` or `Partially refunded`. */
  setStatus(pidx: string, status: LookupStatus) {
    const o = this.order(pidx);
    o.status = status;
    if ((status === 'Completed' || status === 'Refunded' || status === 'Partially refunded') && !o.transactionId) o.transactionId = token(22);
  }

  /** The next `times` answers of `endpoint` fail this way. */
  fail(endpoint: StandInEndpoint | 'all', fault: StandInFault, opts: { times?: number; amount?: number } = {}) {
    const endpoints: StandInEndpoint[] = endpoint === 'all' ? ['initiate', 'lookup', 'refund'] : [endpoint];
    for (const e of endpoints) this.faults.push({ endpoint: e, fault, remaining: opts.times ?? 1, amount: opts.amount });
  }

  clearFaults() {
    this.faults = [];
  }

  /** Where Khalti sends the payer back, with the query string it adds. */
  returnUrlOf(o: StandInOrder): string {
    const url = new URL(o.returnUrl);
    const paid = o.status === 'Completed';
    const params: Record<string, string> = {
      pidx: o.pidx,
      status: o.status === 'User canceled' ? 'User canceled' : paid ? 'Completed' : 'Pending',
      transaction_id: paid ? o.transactionId! : '',
      tidx: paid ? o.transactionId! : '',
      txnId: paid ? o.transactionId! : '',
      amount: String(o.amount),
      total_amount: String(o.amount),
      mobile: paid ? (o.mobile ?? '') : '',
      purchase_order_id: o.purchaseOrderId,
      purchase_order_name: o.purchaseOrderName,
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.toString();
  }

  // ---- the API ----

  async handle(req: StandInRequest): Promise<StandInResponse> {
    if (req.path === '/pay/' && req.method === 'GET') return checkoutPage(this, req);
    if (req.path === '/pay/' && req.method === 'POST') return checkoutChoice(this, req);
    const refund = /^\/api\/merchant-transaction\/([^/]+)\/refund\/$/.exec(req.path);
    const endpoint: StandInEndpoint | null =
      req.path === '/api/v2/epayment/initiate/' ? 'initiate' : req.path === '/api/v2/epayment/lookup/' ? 'lookup' : refund ? 'refund' : null;
    if (!endpoint || req.method !== 'POST') return json(404, { detail: 'Not found.' });
    const auth = req.headers.authorization;
    if (!auth?.startsWith('Key ')) return json(401, { detail: 'Authentication credentials were not provided.', status_code: 401 });
    if (auth.slice(4) !== this.secretKey) return json(401, { detail: 'Invalid token.', status_code: 401 });
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = req.body ? JSON.parse(req.body) : {};
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return json(400, { detail: 'JSON parse error', error_key: 'validation_error' });
    }
    const fault = this.takeFault(endpoint);
    if (fault?.fault === 'server_error') return this.logged(endpoint, '', { status: 503, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>503 Service Unavailable</h1></body></html>' });
    const answer =
      endpoint === 'initiate' ? this.initiate(body, req.base) : endpoint === 'lookup' ? this.lookup(body, fault) : this.refund(decodeURIComponent(refund![1]!), body);
    if (fault?.fault === 'timeout') await hang(this.hangMs, req.signal);
    if (fault?.fault === 'malformed') return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Bad gateway</body></html>' };
    if (fault?.fault === 'wrong_shape') return json(200, { ok: 'yes', status: 42 });
    return answer;
  }

  private takeFault(endpoint: StandInEndpoint): ActiveFault | undefined {
    const f = this.faults.find((x) => x.endpoint === endpoint && x.remaining > 0);
    if (f) f.remaining--;
    this.faults = this.faults.filter((x) => x.remaining > 0);
    return f;
  }

  private logged(endpoint: StandInEndpoint, key: string, res: StandInResponse): StandInResponse {
    this.calls.push({ endpoint, key, status: res.status });
    return res;
  }

  private initiate(b: Record<string, unknown>, base: string): StandInResponse {
    const errors: Record<string, string[]> = {};
    for (const field of ['return_url', 'website_url', 'purchase_order_id', 'purchase_order_name']) {
      const v = b[field];
      if (v === undefined || v === null) errors[field] = ['This field is required.'];
      else if (typeof v !== 'string' || v.trim() === '') errors[field] = ['This field may not be blank.'];
      else if (field.endsWith('_url') && !isUrl(v)) errors[field] = ['Enter a valid URL.'];
    }
    const amount = b.amount;
    if (amount === undefined) errors.amount = ['This field is required.'];
    else if (typeof amount !== 'number' || !Number.isInteger(amount)) errors.amount = ['A valid integer is required.'];
    else if (amount < 1000) errors.amount = ['Amount should be greater than Rs. 10, that is 1000 paisa.'];
    else if (Array.isArray(b.amount_breakdown)) {
      const sum = b.amount_breakdown.reduce((s: number, part: { amount?: unknown }) => s + (typeof part?.amount === 'number' ? part.amount : NaN), 0);
      if (sum !== amount) errors.amount = ['Amount Breakdown mismatch.'];
    }
    if (Object.keys(errors).length) return this.logged('initiate', '', json(400, { ...errors, error_key: 'validation_error' }));
    const now = this.now();
    const o: StandInOrder = {
      pidx: token(22),
      amount: amount as number,
      purchaseOrderId: b.purchase_order_id as string,
      purchaseOrderName: b.purchase_order_name as string,
      returnUrl: b.return_url as string,
      websiteUrl: b.website_url as string,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.expiresInSeconds * 1000),
      status: 'Initiated',
      transactionId: null,
      mobile: null,
      refundedAmount: 0,
    };
    this.orders.set(o.pidx, o);
    return this.logged('initiate', o.pidx, json(200, { pidx: o.pidx, payment_url: `${base}/pay/?pidx=${o.pidx}`, expires_at: nepalTime(o.expiresAt), expires_in: this.expiresInSeconds }));
  }

  /** Lapses an unpaid link whose time is up, as Khalti does. */
  settleExpiry(o: StandInOrder) {
    if ((o.status === 'Initiated' || o.status === 'Pending') && this.now() > o.expiresAt) o.status = 'Expired';
  }

  private lookup(b: Record<string, unknown>, fault: ActiveFault | undefined): StandInResponse {
    if (typeof b.pidx !== 'string' || !b.pidx) return this.logged('lookup', '', json(400, { pidx: ['This field is required.'], error_key: 'validation_error' }));
    const o = this.orders.get(b.pidx);
    if (!o) return this.logged('lookup', b.pidx, json(404, NOT_FOUND));
    this.settleExpiry(o);
    const paid = o.status === 'Completed' || o.status === 'Refunded' || o.status === 'Partially refunded';
    const answer = {
      pidx: fault?.fault === 'wrong_pidx' ? token(22) : o.pidx,
      total_amount: fault?.fault === 'wrong_amount' ? (fault.amount ?? o.amount - 100) : o.amount,
      status: o.status,
      transaction_id: paid ? o.transactionId : null,
      fee: paid ? Math.round(o.amount * 0.03) : 0,
      refunded: o.status === 'Refunded',
    };
    return this.logged('lookup', o.pidx, json(o.status === 'Expired' || o.status === 'User canceled' ? 400 : 200, answer));
  }

  private refund(transactionId: string, b: Record<string, unknown>): StandInResponse {
    const o = [...this.orders.values()].find((x) => x.transactionId === transactionId);
    if (!o) return this.logged('refund', transactionId, json(404, { detail: 'Not found.' }));
    if (o.status === 'Refunded') return this.logged('refund', transactionId, json(400, { detail: 'Transaction already refunded.', error_key: 'validation_error' }));
    if (o.status !== 'Completed' && o.status !== 'Partially refunded') return this.logged('refund', transactionId, json(400, { detail: 'Transaction cannot be refunded.', error_key: 'validation_error' }));
    const left = o.amount - o.refundedAmount;
    const amount = b.amount === undefined ? left : b.amount;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0 || amount > left)
      return this.logged('refund', transactionId, json(400, { amount: ['Enter a valid refund amount.'], error_key: 'validation_error' }));
    o.refundedAmount += amount;
    o.status = o.refundedAmount === o.amount ? 'Refunded' : 'Partially refunded';
    return this.logged('refund', transactionId, json(200, { detail: 'Transaction refund successful.' }));
  }
}

function isUrl(s: string) {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function hang(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
