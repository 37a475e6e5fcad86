import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Pagination } from './pagination.js';
import { QueryError } from './query-error.js';
import { SkeletonRows } from './spinner.js';

interface StateProps<T> {
  query: UseQueryResult<T>;
  /** Read out while loading ("Loading doctors…"). */
  loading: string;
  rows?: number;
  errorTitle: string;
}

/** What the API answered, once it has: loading rows meanwhile, or the failure with a retry. */
export function QueryState<T>({ query, loading, rows, errorTitle, children }: StateProps<T> & { children: (data: T) => ReactNode }) {
  if (query.isPending) return <SkeletonRows rows={rows} label={loading} />;
  if (query.isError) return <QueryError error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/**
 * A list read from the API: its states, `empty` when it has no items, else the items and (given
 * `pages`) their pages. `noun` names the items in what is read out ("Loading doctors…").
 */
export function QueryList<T>({
  query,
  noun,
  rows,
  empty,
  pages,
  children,
}: {
  query: UseQueryResult<{ items: T[]; total: number }>;
  noun: string;
  rows?: number;
  empty: ReactNode;
  pages?: { offset: number; limit: number; onChange: (offset: number) => void };
  children: (items: T[]) => ReactNode;
}) {
  return (
    <QueryState query={query} rows={rows} loading={`Loading ${noun}…`} errorTitle={`Could not load ${noun}`}>
      {({ items, total }) =>
        items.length === 0 ? (
          empty
        ) : (
          <>
            {children(items)}
            {pages && <Pagination {...pages} total={total} label={`Pages of ${noun}`} />}
          </>
        )
      }
    </QueryState>
  );
}
