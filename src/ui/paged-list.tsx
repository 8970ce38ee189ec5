import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../api/error-message-key';
import { pagedView, type PagedListState } from '../api/paged-view';
import { EmptyState } from './empty-state';
import { ErrorState } from './error-state';
import { LoadMoreFooter } from './load-more-footer';
import { Spinner } from './spinner';

/** A keyset-paged query as the list needs it (TanStack Query's infinite query fits). */
export interface PagedQuery<T> extends PagedListState<T> {
  error: unknown;
  hasNextPage: boolean;
  isFetchNextPageError: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

/** What the list says while it loads, when it fails, and under its rows. */
export interface PagedListLabels {
  loading: string;
  loadFailed: string;
  loadingMore: string;
  loadMoreFailed: string;
  loadMore: string;
}

interface PagedListProps<T> {
  query: PagedQuery<T>;
  labels: PagedListLabels;
  /** Shown when there is no row: a title and a line, or the state a caller builds (no match,
   * with a way to clear the filters). */
  empty: { title: string; body: string } | ReactNode;
  /** The rows loaded so far (never none), usually a table in a TableScroll frame. */
  children: (rows: T[]) => ReactNode;
}

/**
 * Every state of a list read page by page, in one place: loading, failed with a retry, empty,
 * and the rows with Load more (or the next page on its way, or why it failed) under them.
 */
export function PagedList<T>({ query, labels, empty, children }: PagedListProps<T>) {
  const { t } = useTranslation();
  const paged = pagedView(query);
  if (paged.state === 'loading') return <Spinner label={labels.loading} className="loading--block" />;
  if (paged.state === 'failed') {
    return (
      <ErrorState
        title={labels.loadFailed}
        message={t(errorMessageKey(query.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (paged.rows.length === 0) {
    if (isTitled(empty)) {
      return (
        <EmptyState title={empty.title}>
          <p>{empty.body}</p>
        </EmptyState>
      );
    }
    return empty;
  }
  return (
    <>
      {children(paged.rows)}
      <LoadMoreFooter
        isFetchingNextPage={query.isFetchingNextPage}
        isFetchNextPageError={query.isFetchNextPageError}
        hasNextPage={query.hasNextPage}
        onLoadMore={() => void query.fetchNextPage()}
        labels={{ loading: labels.loadingMore, failed: labels.loadMoreFailed, loadMore: labels.loadMore }}
      />
    </>
  );
}

function isTitled(empty: unknown): empty is { title: string; body: string } {
  return typeof empty === 'object' && empty !== null && 'title' in empty && 'body' in empty && !('$$typeof' in empty);
}
