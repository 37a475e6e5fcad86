import { PaymentProvider, PaymentStatus } from '../../../../contracts/payments.js';
import { dateRangeQuery } from '../../../lib/datetime.js';
import type { PaymentFilters } from '../api/use-payments.js';

/** The payments list's filters as the URL keeps them (dates are calendar days, inclusive). */
export interface PaymentFilterValues {
  status: string;
  provider: string;
  from: string;
  to: string;
  refunded: string;
  q: string;
  hospitalId: string;
}

export const FILTER_KEYS = ['status', 'provider', 'from', 'to', 'refunded', 'hospital'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters from the URL, keeping only values the API takes (a hand-edited URL cannot break the list). */
export function readPaymentFilters(params: URLSearchParams): PaymentFilterValues {
  const pick = (key: string, ok: (v: string) => boolean) => {
    const v = params.get(key) ?? '';
    return ok(v) ? v : '';
  };
  return {
    status: pick('status', (v) => PaymentStatus.safeParse(v).success),
    provider: pick('provider', (v) => PaymentProvider.safeParse(v).success),
    from: pick('from', (v) => DATE.test(v)),
    to: pick('to', (v) => DATE.test(v)),
    refunded: pick('refunded', (v) => v === 'true' || v === 'false'),
    q: (params.get('q') ?? '').trim().slice(0, 100),
    hospitalId: pick('hospital', (v) => UUID.test(v)),
  };
}

/** The API's query for these filters (the list's and the CSV export's alike). */
export function paymentQuery(f: PaymentFilterValues): PaymentFilters {
  const range = dateRangeQuery(f.from, f.to);
  return {
    status: f.status || undefined,
    provider: f.provider || undefined,
    from: range.from,
    to: range.to,
    refunded: f.refunded === 'true' || f.refunded === 'false' ? f.refunded : undefined,
    q: f.q || undefined,
    hospitalId: f.hospitalId || undefined,
  };
}

export const isFiltered = (f: PaymentFilterValues) => Object.values(f).some(Boolean);
