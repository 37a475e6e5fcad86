import { z } from 'zod';
import type { ProviderError } from '../../../contracts/payments.js';

/**
 * Khalti ePayment (KPG-2, API v2), as `shared/khalti/CONTRACT.md` describes it. Every answer is
 * parsed, never trusted: a 4xx may still carry a status (Expired, User canceled), anything
 * unexpected is `malformed`, and no call throws. The key travels in one header and nowhere else.
 */
export type Transport = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<Response>;

export interface KhaltiClientOptions {
  /** `https://dev.khalti.com/api/v2/` or the like, ending in `/`. */
  baseUrl: string;
  secretKey: string;
  timeoutMs: number;
  /** How requests travel: `fetch` over HTTP unless told otherwise (the in-process stand-in). */
  transport?: Transport;
}

export interface KhaltiFailure {
  ok: false;
  error: ProviderError;
  /** The HTTP status, when there was an answer. */
  httpStatus?: number;
}

export const LOOKUP_STATUSES = ['Completed', 'Pending', 'Initiated', 'Refunded', 'Partially refunded', 'Expired', 'User canceled'] as const;
export type LookupStatus = (typeof LOOKUP_STATUSES)[number];

export interface InitiateRequest {
  returnUrl: string;
  websiteUrl: string;
  /** Paisa. */
  amount: number;
  purchaseOrderId: string;
  purchaseOrderName: string;
}
export type InitiateResult = { ok: true; pidx: string; paymentUrl: string; expiresAt: Date } | KhaltiFailure;
export type LookupResult =
  | { ok: true; pidx: string; status: LookupStatus; totalAmount: number | null; transactionId: string | null; refunded: boolean }
  | KhaltiFailure;
export type RefundResult = { ok: true } | KhaltiFailure;

export interface KhaltiClient {
  initiate(req: InitiateRequest): Promise<InitiateResult>;
  lookup(pidx: string): Promise<LookupResult>;
  /** A full refund without `amount`, or that many paisa. */
  refund(transactionId: string, amount?: number): Promise<RefundResult>;
}

const InitiateBody = z.object({
  pidx: z.string().min(1).max(200),
  payment_url: z.url(),
  expires_at: z.string().refine((s) => !Number.isNaN(Date.parse(s))),
});

/** Khalti spells some statuses two ways ("Partially refunded", "Partially Refunded"): compare case-insensitively. */
const statusOf = (s: string): LookupStatus | undefined => {
  const key = s.trim().toLowerCase().replace(/_/g, ' ').replace('cancelled', 'canceled');
  return LOOKUP_STATUSES.find((known) => known.toLowerCase() === key);
};

const LookupBody = z.object({
  pidx: z.string().min(1).max(200),
  status: z.string().transform((s, ctx) => statusOf(s) ?? (ctx.addIssue({ code: 'custom', message: 'unknown status' }), z.NEVER)),
  total_amount: z.number().int().nonnegative().nullish(),
  transaction_id: z.string().max(200).nullish(),
  refunded: z.boolean().nullish(),
});

type Answer = { status: number; json: unknown } | KhaltiFailure;

export function khaltiClient(opts: KhaltiClientOptions): KhaltiClient {
  const transport: Transport = opts.transport ?? ((url, init) => fetch(url, init));

  async function post(url: string, body: unknown): Promise<Answer> {
    const signal = AbortSignal.timeout(opts.timeoutMs);
    try {
      const res = await transport(url, {
        method: 'POST',
        headers: { Authorization: `Key ${opts.secretKey}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        signal,
      });
      const text = await res.text();
      if (res.status >= 500) return { ok: false, error: 'unavailable', httpStatus: res.status };
      if (res.status === 401 || res.status === 403) return { ok: false, error: 'unauthorized', httpStatus: res.status };
      try {
        return { status: res.status, json: JSON.parse(text) };
      } catch {
        return { ok: false, error: 'malformed', httpStatus: res.status };
      }
    } catch (e) {
      const name = (e as { name?: string }).name;
      return { ok: false, error: name === 'TimeoutError' || name === 'AbortError' || signal.aborted ? 'timeout' : 'unavailable' };
    }
  }

  const failed = (a: Answer): a is KhaltiFailure => 'ok' in a;
  const rejection = (status: number): KhaltiFailure => ({ ok: false, error: status === 404 ? 'not_found' : 'rejected', httpStatus: status });

  return {
    async initiate(req) {
      const a = await post(new URL('epayment/initiate/', opts.baseUrl).toString(), {
        return_url: req.returnUrl,
        website_url: req.websiteUrl,
        amount: req.amount,
        purchase_order_id: req.purchaseOrderId,
        purchase_order_name: req.purchaseOrderName,
        amount_breakdown: [{ label: 'Consultation fee', amount: req.amount }],
      });
      if (failed(a)) return a;
      if (a.status !== 200) return rejection(a.status);
      const body = InitiateBody.safeParse(a.json);
      if (!body.success) return { ok: false, error: 'malformed', httpStatus: a.status };
      return { ok: true, pidx: body.data.pidx, paymentUrl: body.data.payment_url, expiresAt: new Date(body.data.expires_at) };
    },

    async lookup(pidx) {
      const a = await post(new URL('epayment/lookup/', opts.baseUrl).toString(), { pidx });
      if (failed(a)) return a;
      // Expired and User canceled come with a 400: their body still says which.
      const body = LookupBody.safeParse(a.json);
      if (!body.success) return a.status === 200 ? { ok: false, error: 'malformed', httpStatus: 200 } : rejection(a.status);
      const { status, total_amount, transaction_id, refunded } = body.data;
      const settledBy400 = status === 'Expired' || status === 'User canceled';
      if (a.status !== 200 && !settledBy400) return rejection(a.status);
      if (status === 'Completed' && (typeof total_amount !== 'number' || !transaction_id)) return { ok: false, error: 'malformed', httpStatus: a.status };
      return { ok: true, pidx: body.data.pidx, status, totalAmount: total_amount ?? null, transactionId: transaction_id ?? null, refunded: !!refunded };
    },

    async refund(transactionId, amount) {
      // Not under /api/v2: `<origin>/api/merchant-transaction/<id>/refund/`.
      const url = new URL(`../merchant-transaction/${encodeURIComponent(transactionId)}/refund/`, opts.baseUrl).toString();
      const a = await post(url, amount === undefined ? {} : { amount });
      if (failed(a)) return a;
      return a.status === 200 ? { ok: true } : rejection(a.status);
    },
  };
}
