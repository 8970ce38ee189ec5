import './contacts.css';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useSearchParams } from 'react-router';
import { can } from '../../../api/can';
import { errorMessageKey } from '../../../api/error-message-key';
import { api } from '../../../api/endpoints';
import { pagedView } from '../../../api/paged-view';
import type { User } from '../../../contract/auth';
import { EmptyState, NoMatchState } from '../../../ui/empty-state';
import { ErrorState } from '../../../ui/error-state';
import { PageHeader } from '../../../ui/page-header';
import { SearchField } from '../../../ui/search-field';
import { Spinner } from '../../../ui/spinner';
import { Toolbar } from '../../../ui/toolbar';
import { contactsQuery } from '../api/get-contacts';
import { readContactsSearch } from '../contacts-search';
import { ContactsTable } from './contacts-table';

/** What the route hands the page: the signed-in user, whose role decides what it offers. */
export interface ContactsPageData {
  user: User;
}

/** Every contact by name, searched by name or email, with Import contacts for those who may. */
export function ContactsPage() {
  const { t } = useTranslation();
  const { user } = useLoaderData<ContactsPageData>();
  const [searchParams, setSearchParams] = useSearchParams();
  const searchInputRef = useRef<HTMLInputElement>(null);
  const q = readContactsSearch(searchParams);
  // The route loader has usually fetched the first page; if that failed, the page shows it.
  const list = useInfiniteQuery({ ...contactsQuery(q), placeholderData: keepPreviousData, retryOnMount: false });
  const canImport = can(api.importContacts, user);

  const onSearch = (text: string) =>
    setSearchParams(text ? { q: text } : {}, { replace: true, preventScrollReset: true });
  const clearSearch = () => {
    onSearch('');
    searchInputRef.current?.focus();
  };

  const importLink = canImport ? (
    <Link to="/contacts/import" className="button button--primary">
      {t('contacts.importAction')}
    </Link>
  ) : null;

  const paged = pagedView(list);
  const isUpdating = list.isPlaceholderData && list.isFetching;
  let content;
  let status = '';
  if (paged.state === 'loading') {
    content = <Spinner label={t('contacts.loading')} className="loading--block" />;
  } else if (paged.state === 'failed') {
    content = (
      <ErrorState
        title={t('contacts.loadFailed')}
        message={t(errorMessageKey(list.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void list.refetch()}
      />
    );
  } else {
    const total = list.data?.pages[0]?.total ?? 0;
    status = isUpdating ? t('contacts.updating') : t('contacts.total', { count: total });
    if (paged.rows.length > 0) {
      content = (
        <ContactsTable
          rows={paged.rows}
          isUpdating={isUpdating}
          isFetchingNextPage={list.isFetchingNextPage}
          isFetchNextPageError={list.isFetchNextPageError}
          hasNextPage={list.hasNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      );
    } else if (q) {
      content = (
        <NoMatchState
          title={t('contacts.noMatchTitle', { query: q })}
          body={t('contacts.noMatchBody')}
          clearLabel={t('contacts.clearSearch')}
          onClear={clearSearch}
        />
      );
    } else {
      content = (
        <EmptyState title={t('contacts.emptyTitle')} action={importLink}>
          <p>{t('contacts.emptyBody')}</p>
          {canImport ? <p>{t('contacts.emptyBodyImport')}</p> : null}
        </EmptyState>
      );
    }
  }

  return (
    <>
      <PageHeader title={t('contacts.title')} actions={importLink} />
      <Toolbar status={status}>
        <SearchField
          label={t('contacts.searchLabel')}
          placeholder={t('contacts.searchPlaceholder')}
          value={q ?? ''}
          onSearch={onSearch}
          inputRef={searchInputRef}
        />
      </Toolbar>
      {content}
    </>
  );
}
