import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../api/error-message-key';
import { pagedView } from '../../../api/paged-view';
import type { SequenceDetail } from '../../../contract/sequences';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorState } from '../../../ui/error-state';
import { LoadMoreFooter } from '../../../ui/load-more-footer';
import { Spinner } from '../../../ui/spinner';
import { TableScroll } from '../../../ui/table-scroll';
import { historyQuery } from '../api/get-history';
import { HistoryRow } from './history-row';

interface HistoryTabProps {
  sequence: SequenceDetail;
}

/** The sequence's audit log (managers and admins): who did what to how many, when, with which filter. */
export function HistoryTab({ sequence }: HistoryTabProps) {
  const { t } = useTranslation();
  const list = useInfiniteQuery({ ...historyQuery(sequence.id), retryOnMount: false });

  const paged = pagedView(list);
  if (paged.state === 'loading') {
    return <Spinner label={t('history.loading')} className="loading--block" />;
  }
  if (paged.state === 'failed') {
    return (
      <ErrorState
        title={t('history.loadFailed')}
        message={t(errorMessageKey(list.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void list.refetch()}
      />
    );
  }
  const entries = paged.rows;
  if (entries.length === 0) {
    return (
      <EmptyState title={t('history.emptyTitle')}>
        <p>{t('history.emptyBody')}</p>
      </EmptyState>
    );
  }
  return (
    <TableScroll>
      <table className="table table--compact history-table">
        <caption className="visually-hidden">{t('history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.columns.at')}</th>
            <th scope="col">{t('history.columns.actor')}</th>
            <th scope="col">{t('history.columns.action')}</th>
            <th scope="col" className="cell--numeric">
              {t('history.columns.count')}
            </th>
            <th scope="col">{t('history.columns.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <HistoryRow key={entry.id} entry={entry} enrollers={sequence.enrollers} />
          ))}
        </tbody>
      </table>
      <LoadMoreFooter
        isFetchingNextPage={list.isFetchingNextPage}
        isFetchNextPageError={list.isFetchNextPageError}
        hasNextPage={list.hasNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        labels={{
          loading: t('history.loadingMore'),
          failed: t('history.loadMoreFailed'),
          loadMore: t('history.loadMore'),
        }}
      />
    </TableScroll>
  );
}
