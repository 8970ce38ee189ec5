import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../api/error-message-key';
import { pagedView } from '../../../api/paged-view';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorState } from '../../../ui/error-state';
import { LoadMoreFooter } from '../../../ui/load-more-footer';
import { Spinner } from '../../../ui/spinner';
import { TableScroll } from '../../../ui/table-scroll';
import { scheduledQuery } from '../api/get-scheduled';
import type { ScheduledFilterInput } from '../enrollments-search';
import { ScheduledFilters, toScheduledQuery } from './scheduled-filters';
import { ScheduledTable } from './scheduled-table';

interface ScheduledTabProps {
  sequenceId: string;
  canChange: boolean;
  /** The filters, kept in the URL by the page. */
  filters: ScheduledFilterInput;
  onFiltersChange: (change: (current: ScheduledFilterInput) => ScheduledFilterInput) => void;
}

/** The upcoming steps of the sequence's active contacts, soonest first, with Unenroll. */
export function ScheduledTab({ sequenceId, canChange, filters: input, onFiltersChange }: ScheduledTabProps) {
  const { t } = useTranslation();
  const list = useInfiniteQuery({
    ...scheduledQuery(sequenceId, toScheduledQuery(input)),
    placeholderData: keepPreviousData,
    retryOnMount: false,
  });
  const isFiltered = Boolean(input.type || input.from || input.to);
  const clear = () => onFiltersChange(() => ({}));

  const total = list.data?.pages[0]?.total;
  let status = '';
  if (list.isPlaceholderData || list.isPending) status = t('scheduled.updating');
  else if (total !== undefined) status = t('scheduled.total', { count: total });

  let content;
  const paged = pagedView(list);
  if (paged.state === 'loading') {
    content = <Spinner label={t('scheduled.loading')} className="loading--block" />;
  } else if (paged.state === 'failed') {
    content = (
      <ErrorState
        title={t('scheduled.loadFailed')}
        message={t(errorMessageKey(list.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void list.refetch()}
      />
    );
  } else {
    const { rows } = paged;
    if (rows.length > 0) {
      content = (
        <TableScroll>
          <ScheduledTable rows={rows} isUpdating={list.isPlaceholderData} canChange={canChange} />
          <LoadMoreFooter
            isFetchingNextPage={list.isFetchingNextPage}
            isFetchNextPageError={list.isFetchNextPageError}
            hasNextPage={list.hasNextPage}
            onLoadMore={() => void list.fetchNextPage()}
            labels={{
              loading: t('scheduled.loadingMore'),
              failed: t('scheduled.loadMoreFailed'),
              loadMore: t('scheduled.loadMore'),
            }}
          />
        </TableScroll>
      );
    } else if (isFiltered) {
      content = (
        <EmptyState
          title={t('scheduled.noMatchTitle')}
          action={
            <button type="button" className="button" onClick={clear}>
              {t('scheduled.filters.clear')}
            </button>
          }
        >
          <p>{t('scheduled.noMatchBody')}</p>
        </EmptyState>
      );
    } else {
      content = (
        <EmptyState title={t('scheduled.emptyTitle')}>
          <p>{t('scheduled.emptyBody')}</p>
        </EmptyState>
      );
    }
  }

  return (
    <div className="scheduled">
      <ScheduledFilters value={input} onChange={(patch) => onFiltersChange((current) => ({ ...current, ...patch }))} onClear={clear} />
      <div className="toolbar toolbar--table">
        <p className="toolbar__status" role="status">
          {status}
        </p>
      </div>
      {content}
    </div>
  );
}
