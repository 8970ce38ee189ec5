import './email-health.css';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigation, useParams, useSearchParams } from 'react-router';
import { errorMessageKey } from '../../../api/error-message-key';
import type { NotSentReason } from '../../../contract/codes';
import { EmailKind } from '../../../contract/email-health';
import { notSentGroupOf } from '../../../domain/health';
import { EmptyState, NoMatchState } from '../../../ui/empty-state';
import { ErrorState } from '../../../ui/error-state';
import { PageHeader } from '../../../ui/page-header';
import { SearchField } from '../../../ui/search-field';
import { SelectField } from '../../../ui/select-field';
import { Spinner } from '../../../ui/spinner';
import { Toolbar } from '../../../ui/toolbar';
import { notSentQuery } from '../api/get-not-sent';
import { formatCount, formatDayRange } from '../format';
import { healthPath, parseReason, readNotSentSearch, writeNotSentSearch, type NotSentSearch } from '../health-search';
import { HealthWindowControl } from './health-window-control';
import { NotSentTable } from './not-sent-table';

/** The emails not sent for one reason (`/email-health/not-sent/:reason`), with the contacts
 * they were meant for. The route answers 404 for a reason that does not exist. */
export function NotSentPage() {
  const { reason } = useParams();
  const parsed = parseReason(reason);
  return parsed ? <NotSentList reason={parsed} /> : null;
}

function NotSentList({ reason }: { reason: NotSentReason }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigation = useNavigation();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = readNotSentSearch(reason, searchParams);
  const searchInputRef = useRef<HTMLInputElement>(null);
  const query = useInfiniteQuery({ ...notSentQuery(search), placeholderData: keepPreviousData, retryOnMount: false });

  const show = (next: NotSentSearch) =>
    setSearchParams(writeNotSentSearch(next), { replace: true, preventScrollReset: true });

  const title = t(`health.reasons.${reason}.title`);
  const isUpdating =
    (navigation.state === 'loading' && navigation.location.pathname === location.pathname) ||
    (query.isFetching && query.isSuccess && !query.isFetchingNextPage);

  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const first = query.data?.pages[0];
  const total = first?.total ?? 0;

  // "Load more" moves the keyboard to the first row it added, as the button may disappear.
  const tableRef = useRef<HTMLTableElement>(null);
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    const index = focusRow.current;
    if (index === null || items.length <= index) return;
    focusRow.current = null;
    tableRef.current?.querySelectorAll<HTMLAnchorElement>('tbody a')[index]?.focus();
  }, [items.length]);

  const clearFilters = () => {
    show({ ...search, q: undefined, kind: undefined });
    searchInputRef.current?.focus();
  };

  let content;
  let status = '';
  if (query.isPending || (query.isError && query.isFetching && !query.data)) {
    content = <Spinner label={t('health.notSentList.loading')} className="loading--block" />;
  } else if (query.isError && !query.data) {
    content = (
      <ErrorState
        title={t('health.notSentList.loadFailed')}
        message={t(errorMessageKey(query.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void query.refetch()}
      />
    );
  } else if (items.length === 0) {
    status = t('health.notSentList.total', { count: 0 });
    content =
      search.q || search.kind ? (
        <NoMatchState
          title={search.q ? t('health.notSentList.noMatchTitle', { query: search.q }) : t('health.notSentList.noKindTitle')}
          body={t('health.notSentList.noMatchBody')}
          clearLabel={t('health.notSentList.clearFilters')}
          onClear={clearFilters}
        />
      ) : (
        <EmptyState
          title={t('health.notSentList.emptyTitle')}
          action={
            <Link to={healthPath(search.window)} className="button">
              {t('health.notSentList.back')}
            </Link>
          }
        >
          <p>{t('health.notSentList.emptyBody')}</p>
        </EmptyState>
      );
  } else {
    status = isUpdating ? t('health.updating') : t('health.notSentList.total', { count: total });
    content = (
      <>
        <NotSentTable ref={tableRef} items={items} caption={t('health.notSentList.caption', { reason: title })} isUpdating={isUpdating} />
        <div className="list-footer">
          <p className="list-footer__count">
            {t('health.notSentList.shown', { shown: formatCount(items.length), total: formatCount(total) })}
          </p>
          {query.hasNextPage ? (
            <button
              type="button"
              className="button"
              aria-disabled={query.isFetchingNextPage || undefined}
              onClick={() => {
                if (query.isFetchingNextPage) return;
                focusRow.current = items.length;
                void query.fetchNextPage();
              }}
            >
              {query.isFetchingNextPage ? t('health.notSentList.loadingMore') : t('health.notSentList.loadMore')}
            </button>
          ) : null}
        </div>
      </>
    );
  }

  const backLink = (
    <Link to={healthPath(search.window)} className="back-link">
      <span aria-hidden="true">← </span>
      {t('health.notSentList.back')}
    </Link>
  );

  return (
    <>
      <PageHeader
        title={title}
        eyebrow={backLink}
        description={
          <p>
            <code className="reason-code">{reason}</code> · {t(`health.notSent.groups.${notSentGroupOf(reason)}`)}
            {first ? ` · ${formatDayRange(first.window.from, first.window.to)}` : null}
          </p>
        }
      />
      <dl className="panel reason-panel">
        <div>
          <dt>{t('health.notSent.meaning')}</dt>
          <dd>{t(`health.reasons.${reason}.what`)}</dd>
        </div>
        <div>
          <dt>{t('health.notSent.remedy')}</dt>
          <dd>{t(`health.reasons.${reason}.todo`)}</dd>
        </div>
      </dl>
      <Toolbar className="not-sent-toolbar" status={status}>
        <div className="not-sent-toolbar__filters">
          <SearchField
            label={t('health.notSentList.searchLabel')}
            placeholder={t('health.notSentList.searchPlaceholder')}
            value={search.q ?? ''}
            onSearch={(q) => show({ ...search, q: q || undefined })}
            inputRef={searchInputRef}
          />
          <SelectField
            label={t('health.notSentList.kindLabel')}
            value={search.kind ?? ''}
            onChange={(value) => show({ ...search, kind: EmailKind.safeParse(value).data })}
          >
            <option value="">{t('health.notSentList.kindAll')}</option>
            <option value="sales">{t('health.emailKind.sales')}</option>
            <option value="marketing">{t('health.emailKind.marketing')}</option>
          </SelectField>
          <HealthWindowControl value={search.window} onChange={(window) => show({ ...search, window })} />
        </div>
      </Toolbar>
      {content}
    </>
  );
}
