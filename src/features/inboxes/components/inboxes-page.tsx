import './inboxes.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../api/error-message-key';
import type { Inbox } from '../../../contract/contacts';
import { sendLimitOf } from '../../../domain/send-limits';
import { formatInteger } from '../../../i18n/format';
import { ColumnHeader } from '../../../ui/column-header';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorState } from '../../../ui/error-state';
import { PageHeader } from '../../../ui/page-header';
import { Spinner } from '../../../ui/spinner';
import { StatusBadge } from '../../../ui/status-badge';
import { TableScroll } from '../../../ui/table-scroll';
import { inboxesQuery } from '../api/get-inboxes';

/** The inboxes the user's sequences send from: provider, daily limits, and which are disconnected. */
export function InboxesPage() {
  const { t } = useTranslation();
  const query = useQuery({ ...inboxesQuery(), retryOnMount: false });

  let content;
  if (query.isPending || (query.isError && query.isFetching)) {
    content = <Spinner label={t('inboxes.loading')} className="loading--block" />;
  } else if (query.isError) {
    content = (
      <ErrorState
        title={t('inboxes.loadFailed')}
        message={t(errorMessageKey(query.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void query.refetch()}
      />
    );
  } else if (query.data.items.length === 0) {
    content = (
      <EmptyState title={t('inboxes.emptyTitle')}>
        <p>{t('inboxes.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    content = <InboxesTable items={query.data.items} />;
  }

  return (
    <>
      <PageHeader title={t('inboxes.title')} description={t('inboxes.description')} />
      {content}
    </>
  );
}

function InboxesTable({ items }: { items: Inbox[] }) {
  const { t } = useTranslation();
  const disconnected = items.filter((inbox) => !inbox.connected);
  return (
    <>
      {disconnected.length > 0 ? (
        <section className="inbox-notice" aria-labelledby="inboxes-reconnect-title">
          <h2 id="inboxes-reconnect-title" className="inbox-notice__title">
            {t('inboxes.disconnectedTitle', { count: disconnected.length })}
          </h2>
          <p>{t('inboxes.disconnectedBody')}</p>
          <ol className="inbox-notice__steps">
            <li>{t('inboxes.reconnectStep1')}</li>
            <li>{t('inboxes.reconnectStep2')}</li>
            <li>{t('inboxes.reconnectStep3')}</li>
          </ol>
        </section>
      ) : null}
      <TableScroll>
        <table className="table">
          <caption className="visually-hidden">{t('inboxes.caption')}</caption>
          <thead>
            <tr>
              <ColumnHeader>{t('inboxes.columns.address')}</ColumnHeader>
              <ColumnHeader>{t('inboxes.columns.provider')}</ColumnHeader>
              <ColumnHeader numeric>{t('inboxes.columns.dailyLimit')}</ColumnHeader>
              <ColumnHeader numeric>{t('inboxes.columns.pausesAt')}</ColumnHeader>
              <ColumnHeader>{t('inboxes.columns.status')}</ColumnHeader>
            </tr>
          </thead>
          <tbody>
            {items.map((inbox) => {
              const limit = sendLimitOf(inbox.provider);
              return (
                <tr key={inbox.id}>
                  <th scope="row">{inbox.address}</th>
                  <td>{t(`inboxes.providers.${inbox.provider}`)}</td>
                  <td className="cell--numeric">{formatInteger(limit.daily)}</td>
                  <td className="cell--numeric">{formatInteger(limit.sequencesPauseAt)}</td>
                  <td>
                    {inbox.connected ? (
                      <StatusBadge tone="success">{t('inboxes.connected')}</StatusBadge>
                    ) : (
                      <StatusBadge tone="danger">{t('inboxes.disconnected')}</StatusBadge>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p className="text-muted inbox-limit-note">{t('inboxes.limitNote')}</p>
    </>
  );
}
