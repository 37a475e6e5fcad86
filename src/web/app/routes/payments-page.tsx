import { useSearchParams } from 'react-router';
import { PAYMENT_STATUSES } from '../../../contracts/payments.js';
import { dateRangeQuery } from '../../lib/datetime.js';
import { useMe } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useListState } from '../../lib/use-list-state.js';
import { buttonClass } from '../../lib/ui/button.js';
import { Section } from '../../lib/ui/card.js';
import { cx } from '../../lib/ui/cx.js';
import { EmptyState } from '../../lib/ui/empty-state.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { Pagination } from '../../lib/ui/pagination.js';
import { QueryError } from '../../lib/ui/query-error.js';
import { SelectField } from '../../lib/ui/select-field.js';
import { SkeletonRows } from '../../lib/ui/spinner.js';
import { TextField } from '../../lib/ui/text-field.js';
import { usePaymentTotals, usePayments, paymentsExportUrl } from '../../features/payments/api/use-payments.js';
import { PaymentTable } from '../../features/payments/components/payment-table.js';
import { PaymentTotalsTable } from '../../features/payments/components/payment-totals.js';
import { isFiltered, paymentQuery, readPaymentFilters } from '../../features/payments/utils/payment-filters.js';
import { paymentStatus, providerLabel } from '../../features/payments/utils/payment-labels.js';

const LIMIT = 25;
const STATUS_OPTIONS = PAYMENT_STATUSES.map((s) => ({ value: s, label: paymentStatus[s].label }));
const PROVIDER_OPTIONS = (['khalti', 'desk'] as const).map((p) => ({ value: p, label: providerLabel[p] }));
const REFUND_OPTIONS = [
  { value: 'true', label: 'With a refund' },
  { value: 'false', label: 'Without a refund' },
];

/** Sets (or clears) URL filters and goes back to the first page. */
function useSetParams() {
  const [, setParams] = useSearchParams();
  return (key: string, value: string) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        p.delete('offset');
        return p;
      },
      { replace: true },
    );
}

/**
 * Payments, for a hospital's admins (their hospital's) and the super admin (every hospital's,
 * with totals per hospital): filters kept in the URL, paging, and the same selection as CSV.
 */
export function PaymentsPage() {
  useDocumentTitle('Payments');
  const me = useMe();
  const platform = me.role === 'super_admin';
  return (
    <>
      <PageHeader
        title="Payments"
        description={
          platform
            ? 'Money paid for visits at every hospital: online through Khalti and at the desk, with refunds.'
            : `Money paid for visits at ${me.hospitalName ?? 'your hospital'}: online through Khalti and at the desk, with refunds.`
        }
      />
      <div className="space-y-10">
        <Totals platform={platform} />
        <PaymentList platform={platform} />
      </div>
    </>
  );
}

function Totals({ platform }: { platform: boolean }) {
  const [params] = useSearchParams();
  const setParam = useSetParams();
  const from = params.get('tfrom') ?? '';
  const to = params.get('tto') ?? '';
  const totals = usePaymentTotals(dateRangeQuery(from, to));
  return (
    <Section title={platform ? 'Totals per hospital' : 'Totals'} description="Paid, refunded and net, for payments made in the dates chosen (all time when none).">
      <form role="search" aria-label="Totals dates" onSubmit={(e) => e.preventDefault()} className="grid max-w-xl gap-4 sm:grid-cols-2">
        <TextField label="Paid from" type="date" value={from} max={to || undefined} onChange={(e) => setParam('tfrom', e.target.value)} />
        <TextField label="Paid until" type="date" value={to} min={from || undefined} onChange={(e) => setParam('tto', e.target.value)} />
      </form>
      {totals.isPending ? (
        <SkeletonRows rows={2} label="Loading the totals…" />
      ) : totals.isError ? (
        <QueryError error={totals.error} title="Could not load the totals" onRetry={() => void totals.refetch()} />
      ) : totals.data.items.length === 0 ? (
        <EmptyState title="No hospitals yet">Totals appear here once hospitals take payments.</EmptyState>
      ) : (
        <div aria-busy={totals.isPlaceholderData || undefined} className={cx(totals.isPlaceholderData && 'opacity-60')}>
          <PaymentTotalsTable totals={totals.data.items} caption={platform ? 'Totals per hospital' : 'Totals'} />
        </div>
      )}
    </Section>
  );
}

function PaymentList({ platform }: { platform: boolean }) {
  const [params] = useSearchParams();
  const setParam = useSetParams();
  const { search, offset, setOffset } = useListState();
  const filters = { ...readPaymentFilters(params), q: search.value };
  const query = paymentQuery(filters);
  const payments = usePayments({ ...query, limit: LIMIT, offset });
  // Every hospital the super admin may choose, with its name (the totals list them all).
  const hospitals = usePaymentTotals({}).data?.items ?? [];
  const items = payments.data?.items ?? [];
  const total = payments.data?.total ?? 0;

  return (
    <Section
      title="All payments"
      description="Newest first. Search by Khalti’s transaction ID or pidx, or a desk receipt number (the whole of it). Open a payment’s appointment for its receipt and history."
      actions={
        <a href={paymentsExportUrl(query)} download className={buttonClass('secondary')}>
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M12 3v12m0 0-4-4m4 4 4-4M4 17v3h16v-3" />
          </svg>
          Export CSV
        </a>
      }
    >
      <form role="search" aria-label="Filter payments" onSubmit={(e) => e.preventDefault()} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          label="Transaction ID"
          type="search"
          autoComplete="off"
          value={search.input}
          onChange={(e) => search.setInput(e.target.value)}
        />
        <SelectField label="Status" placeholder="Any status" options={STATUS_OPTIONS} value={filters.status} onChange={(e) => setParam('status', e.target.value)} />
        <SelectField label="Paid with" placeholder="Khalti or the desk" options={PROVIDER_OPTIONS} value={filters.provider} onChange={(e) => setParam('provider', e.target.value)} />
        <TextField label="Made from" type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => setParam('from', e.target.value)} />
        <TextField label="Made until" type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => setParam('to', e.target.value)} />
        <SelectField label="Refunds" placeholder="With or without" options={REFUND_OPTIONS} value={filters.refunded} onChange={(e) => setParam('refunded', e.target.value)} />
        {platform && (
          <SelectField
            label="Hospital"
            placeholder="Every hospital"
            options={hospitals.map((h) => ({ value: h.hospitalId, label: h.hospitalName }))}
            value={filters.hospitalId}
            onChange={(e) => setParam('hospital', e.target.value)}
          />
        )}
      </form>
      <p className="sr-only" aria-live="polite">
        {payments.data && !payments.isPlaceholderData ? `${total} ${total === 1 ? 'payment' : 'payments'}` : ''}
      </p>
      {payments.isPending ? (
        <SkeletonRows rows={4} label="Loading payments…" />
      ) : payments.isError ? (
        <QueryError error={payments.error} title="Could not load the payments" onRetry={() => void payments.refetch()} />
      ) : items.length === 0 ? (
        isFiltered(filters) ? (
          <EmptyState title="No payments match these filters">Try other filters, or clear them.</EmptyState>
        ) : (
          <EmptyState title="No payments yet">Payments appear here as patients pay online or the desk records them.</EmptyState>
        )
      ) : (
        <>
          <div aria-busy={payments.isPlaceholderData || undefined} className={cx(payments.isPlaceholderData && 'opacity-60')}>
            <PaymentTable payments={items} caption="Payments" showHospital={platform} />
          </div>
          <Pagination label="Payment pages" offset={offset} limit={LIMIT} total={total} onChange={setOffset} />
        </>
      )}
    </Section>
  );
}
