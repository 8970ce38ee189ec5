import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SequenceDetail } from '../../../contract/sequences';
import { ColumnHeader } from '../../../ui/column-header';
import { PagedList } from '../../../ui/paged-list';
import { TableScroll } from '../../../ui/table-scroll';
import { historyQuery } from '../api/get-history';
import { HistoryRow } from './history-row';
import { tabListLabels } from './tab-list-labels';

interface HistoryTabProps {
  sequence: SequenceDetail;
}

/** The sequence's audit log (managers and admins): who did what to how many, when, with which filter. */
export function HistoryTab({ sequence }: HistoryTabProps) {
  const { t } = useTranslation();
  const list = useInfiniteQuery({ ...historyQuery(sequence.id), retryOnMount: false });

  return (
    <PagedList
      query={list}
      labels={tabListLabels(t, 'history')}
      empty={{ title: t('history.emptyTitle'), body: t('history.emptyBody') }}
    >
      {(entries) => (
        <TableScroll>
          <table className="table table--compact history-table">
            <caption className="visually-hidden">{t('history.caption')}</caption>
            <thead>
              <tr>
                <ColumnHeader>{t('history.columns.at')}</ColumnHeader>
                <ColumnHeader>{t('history.columns.actor')}</ColumnHeader>
                <ColumnHeader>{t('history.columns.action')}</ColumnHeader>
                <ColumnHeader numeric>{t('history.columns.count')}</ColumnHeader>
                <ColumnHeader>{t('history.columns.details')}</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <HistoryRow key={entry.id} entry={entry} enrollers={sequence.enrollers} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </PagedList>
  );
}
