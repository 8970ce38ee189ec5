import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigation, useSearchParams } from 'react-router';
import type { SequenceListQuery, SequenceSortField } from '../../../contract/sequences';
import { errorMessageKey } from '../../../api/error-message-key';
import { EmptyState, NoMatchState } from '../../../ui/empty-state';
import { ErrorState } from '../../../ui/error-state';
import { PageHeader } from '../../../ui/page-header';
import { SearchField } from '../../../ui/search-field';
import { Spinner } from '../../../ui/spinner';
import { Toolbar } from '../../../ui/toolbar';
import { sequencesQuery } from '../api/get-sequences';
import { firstDirection, readSequencesSearch, writeSequencesSearch } from '../sequences-search';
import { SequencesTable } from './sequences-table';

export function SequencesPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigation = useNavigation();
  const [searchParams, setSearchParams] = useSearchParams();
  const searchInputRef = useRef<HTMLInputElement>(null);
  const search = readSequencesSearch(searchParams);
  // The route loader has usually fetched this already. If that failed, show the error here
  // (keeping the search box) rather than fetching again on mount.
  const query = useQuery({ ...sequencesQuery(search), placeholderData: keepPreviousData, retryOnMount: false });

  const show = (next: SequenceListQuery, options: { replace: boolean }) =>
    setSearchParams(writeSequencesSearch(next), { replace: options.replace, preventScrollReset: true });

  const onSearch = (q: string) => show({ ...search, q: q || undefined }, { replace: true });

  const onSort = (field: SequenceSortField) => {
    const dir = search.sort === field ? (search.dir === 'asc' ? 'desc' : 'asc') : firstDirection(field);
    show({ ...search, sort: field, dir }, { replace: false });
  };

  const clearSearch = () => {
    onSearch('');
    searchInputRef.current?.focus();
  };

  const isUpdating =
    (navigation.state === 'loading' && navigation.location.pathname === location.pathname) ||
    (query.isFetching && query.isSuccess);

  let content;
  let status = '';
  if (query.isPending || (query.isError && query.isFetching)) {
    content = <Spinner label={t('sequences.loading')} className="loading--block" />;
  } else if (query.isError) {
    content = (
      <ErrorState
        title={t('sequences.loadFailed')}
        message={t(errorMessageKey(query.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void query.refetch()}
      />
    );
  } else {
    const { items, total } = query.data;
    status = isUpdating ? t('sequences.updating') : t('sequences.total', { count: total });
    if (items.length > 0) {
      content = <SequencesTable items={items} search={search} onSort={onSort} isUpdating={isUpdating} />;
    } else if (search.q) {
      content = (
        <NoMatchState
          title={t('sequences.noMatchTitle', { query: search.q })}
          body={t('sequences.noMatchBody')}
          clearLabel={t('sequences.clearSearch')}
          onClear={clearSearch}
        />
      );
    } else {
      content = (
        <EmptyState title={t('sequences.emptyTitle')}>
          <p>{t('sequences.emptyBody')}</p>
        </EmptyState>
      );
    }
  }

  return (
    <>
      <PageHeader title={t('sequences.title')} />
      <Toolbar status={status}>
        <SearchField
          label={t('sequences.searchLabel')}
          placeholder={t('sequences.searchPlaceholder')}
          value={search.q ?? ''}
          onSearch={onSearch}
          inputRef={searchInputRef}
        />
      </Toolbar>
      {content}
    </>
  );
}
