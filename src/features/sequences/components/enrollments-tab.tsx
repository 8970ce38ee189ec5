import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../api/error-message-key';
import { pagedView } from '../../../api/paged-view';
import type { EnrollmentFilter, EnrollmentSortField } from '../../../contract/enrollments';
import type { SequenceDetail } from '../../../contract/sequences';
import { DownloadLink } from '../../../ui/download-link';
import { EmptyState, NoMatchState } from '../../../ui/empty-state';
import { ErrorState } from '../../../ui/error-state';
import { Spinner } from '../../../ui/spinner';
import { enrollmentCountQuery, enrollmentsQuery, exportUrl } from '../api/get-enrollments';
import {
  ALL_MATCHING,
  NO_SELECTION,
  bulkUnenrollRequest,
  filterKey,
  isSelected,
  loadedState,
  selectedCount,
  toggleLoaded,
  toggleRow,
  type EnrollmentSelection,
} from '../enrollment-selection';
import { firstDirection, hasFilter, patchFilter, type SearchUpdate, type SequenceSearch } from '../enrollments-search';
import { BulkUnenrollDialog } from './bulk-unenroll-dialog';
import { EnrollmentFilters } from './enrollment-filters';
import { EnrollmentsTable, type TableSelection } from './enrollments-table';
import { ErrorSummary } from './error-summary';
import { SelectionBar } from './selection-bar';

interface EnrollmentsTabProps {
  sequence: SequenceDetail;
  search: SequenceSearch;
  onChange: SearchUpdate;
  canChange: boolean;
}

/** Every enrolled contact of the sequence: errors at a glance, filters, the total, the table. */
export function EnrollmentsTab({ sequence, search, onChange, canChange }: EnrollmentsTabProps) {
  const { t } = useTranslation();
  const searchInputRef = useRef<HTMLInputElement>(null);
  const view = { filter: search.filter, sort: search.sort, dir: search.dir };
  const list = useInfiniteQuery({
    ...enrollmentsQuery(sequence.id, view),
    placeholderData: keepPreviousData,
    retryOnMount: false,
  });
  const count = useQuery({ ...enrollmentCountQuery(sequence.id, search.filter), placeholderData: keepPreviousData });

  // The selection belongs to one filter: another filter starts with none.
  const currentFilterKey = filterKey(search.filter);
  const [selectionState, setSelectionState] = useState({ key: currentFilterKey, selection: NO_SELECTION });
  const selection = selectionState.key === currentFilterKey ? selectionState.selection : NO_SELECTION;
  const [isConfirming, setConfirming] = useState(false);
  const tabRef = useRef<HTMLDivElement>(null);
  const loadedIds = useMemo(() => list.data?.pages.flatMap((page) => page.items.map((e) => e.id)) ?? [], [list.data]);
  const changeSelection = useCallback(
    (change: (current: EnrollmentSelection) => EnrollmentSelection) =>
      setSelectionState((state) => ({
        key: currentFilterKey,
        selection: change(state.key === currentFilterKey ? state.selection : NO_SELECTION),
      })),
    [currentFilterKey],
  );
  const onToggleRow = useCallback(
    (id: string) => changeSelection((current) => toggleRow(current, id)),
    [changeSelection],
  );
  const clearSelection = () => changeSelection(() => NO_SELECTION);
  /** After the bar's buttons go away, keep the keyboard in the table, or on the count of what
   * matches when no row is left (the app also falls back there when rows leave later). */
  const focusHeaderCheckbox = () =>
    requestAnimationFrame(() =>
      (
        tabRef.current?.querySelector<HTMLElement>('thead input[type="checkbox"]') ??
        tabRef.current?.querySelector<HTMLElement>('[data-focus-fallback]')
      )?.focus(),
    );

  // Typing and picking filters replace the history entry; a deliberate choice adds one.
  const changeFilter = (patch: Partial<EnrollmentFilter>, options = { replace: true }) =>
    onChange((current) => ({ ...current, filter: patchFilter(current.filter, patch) }), options);
  const onSort = (field: EnrollmentSortField) =>
    onChange((current) => {
      const dir = current.sort === field ? (current.dir === 'asc' ? 'desc' : 'asc') : firstDirection(field);
      return { ...current, sort: field, dir };
    }, { replace: false });
  const clearFilters = () => {
    onChange((current) => ({ ...current, filter: {} }), { replace: false });
    searchInputRef.current?.focus();
  };

  const filtered = hasFilter(search.filter);
  const isUpdating = list.isPlaceholderData || count.isPlaceholderData;
  const total = count.data?.total;
  const selected = selectedCount(selection, total);
  const tableSelection: TableSelection | undefined = canChange
    ? {
        isSelected: (id) => isSelected(selection, id),
        loaded: loadedState(selection, loadedIds),
        onToggleRow,
        onToggleLoaded: () => changeSelection((current) => toggleLoaded(current, loadedIds)),
      }
    : undefined;

  let status = '';
  if (isUpdating || list.isPending) status = t('enrollments.updating');
  else if (total !== undefined) status = t('enrollments.total', { count: total });

  let content;
  const paged = pagedView(list);
  if (paged.state === 'loading') {
    content = <Spinner label={t('enrollments.loading')} className="loading--block" />;
  } else if (paged.state === 'failed') {
    content = (
      <ErrorState
        title={t('enrollments.loadFailed')}
        message={t(errorMessageKey(list.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void list.refetch()}
      />
    );
  } else {
    const { rows } = paged;
    if (rows.length > 0) {
      content = (
        <EnrollmentsTable
          rows={rows}
          total={total}
          view={view}
          onSort={onSort}
          isUpdating={isUpdating}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          nextPageFailed={list.isFetchNextPageError}
          fetchNextPage={() => void list.fetchNextPage()}
          canChange={canChange}
          selection={tableSelection}
        />
      );
    } else if (filtered) {
      content = (
        <NoMatchState
          title={t('enrollments.noMatchTitle')}
          body={t('enrollments.noMatchBody')}
          clearLabel={t('enrollments.filters.clear')}
          onClear={clearFilters}
        />
      );
    } else {
      content = (
        <EmptyState title={t('enrollments.emptyTitle')}>
          <p>{t(canChange ? 'enrollments.emptyBody' : 'enrollments.emptyBodyReadOnly')}</p>
        </EmptyState>
      );
    }
  }

  return (
    <div className="enrollments" ref={tabRef}>
      <ErrorSummary
        entries={sequence.errorSummary}
        selected={search.filter.error}
        onSelect={(error) => changeFilter({ error }, { replace: false })}
      />
      <EnrollmentFilters
        filter={search.filter}
        enrollers={sequence.enrollers}
        onChange={changeFilter}
        onClear={clearFilters}
        searchInputRef={searchInputRef}
      />
      <div className="toolbar toolbar--table">
        <p className="toolbar__status" role="status" tabIndex={-1} data-focus-fallback>
          {status}
        </p>
        {canChange ? (
          <SelectionBar
            count={selected}
            isAll={selection.kind === 'all' && selection.except.size === 0}
            total={isUpdating ? undefined : total}
            onSelectAll={() => changeSelection(() => ALL_MATCHING)}
            onClear={() => {
              clearSelection();
              focusHeaderCheckbox();
            }}
            onUnenroll={() => setConfirming(true)}
          />
        ) : null}
        <DownloadLink
          className="button button--small"
          href={exportUrl(sequence.id, view)}
          failedMessage={t('enrollments.exportFailed')}
        >
          {t('enrollments.export')}
        </DownloadLink>
      </div>
      {content}
      {canChange ? (
        <BulkUnenrollDialog
          isOpen={isConfirming && selected > 0}
          sequenceName={sequence.name}
          count={selected}
          buildRequest={() => bulkUnenrollRequest(sequence.id, selection, search.filter, selected, total)}
          onClose={() => setConfirming(false)}
          onUnenrolled={() => {
            clearSelection();
            focusHeaderCheckbox();
          }}
        />
      ) : null}
    </div>
  );
}
