import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoMatchState } from '../../../ui/empty-state';
import { PagedList } from '../../../ui/paged-list';
import { TableScroll } from '../../../ui/table-scroll';
import { Toolbar } from '../../../ui/toolbar';
import { scheduledQuery } from '../api/get-scheduled';
import type { ScheduledFilterInput } from '../enrollments-search';
import { ScheduledFilters, toScheduledQuery } from './scheduled-filters';
import { ScheduledTable } from './scheduled-table';
import { tabListLabels } from './tab-list-labels';

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

  const content = (
    <PagedList
      query={list}
      labels={tabListLabels(t, 'scheduled')}
      empty={
        isFiltered ? (
          <NoMatchState
            title={t('scheduled.noMatchTitle')}
            body={t('scheduled.noMatchBody')}
            clearLabel={t('scheduled.filters.clear')}
            onClear={clear}
          />
        ) : (
          { title: t('scheduled.emptyTitle'), body: t('scheduled.emptyBody') }
        )
      }
    >
      {(rows) => (
        <TableScroll>
          <ScheduledTable rows={rows} isUpdating={list.isPlaceholderData} canChange={canChange} />
        </TableScroll>
      )}
    </PagedList>
  );

  return (
    <div className="scheduled">
      <ScheduledFilters value={input} onChange={(patch) => onFiltersChange((current) => ({ ...current, ...patch }))} onClear={clear} />
      <Toolbar className="toolbar--table" status={status} />
      {content}
    </div>
  );
}
