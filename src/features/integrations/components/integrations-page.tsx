import './integrations.css';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorMessageKey } from '../../../api/error-message-key';
import type { IntegrationKey } from '../../../contract/integrations';
import { formatDate } from '../../../i18n/format';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorState } from '../../../ui/error-state';
import { PageHeader } from '../../../ui/page-header';
import { Spinner } from '../../../ui/spinner';
import { StatusBadge } from '../../../ui/status-badge';
import { TableScroll } from '../../../ui/table-scroll';
import { keysQuery } from '../api/get-keys';
import { CreateKeyDialog } from './create-key-dialog';
import { RevokeKeyDialog } from './revoke-key-dialog';

/** Integrations (admins): the keys other systems use, with scope and use; create one, revoke one. */
export function IntegrationsPage() {
  const { t } = useTranslation();
  const query = useQuery({ ...keysQuery(), retryOnMount: false });
  const [createOpen, setCreateOpen] = useState(false);
  const [toRevoke, setToRevoke] = useState<IntegrationKey | null>(null);

  // Another role (the navigation does not offer the page, but a link may): no access, not a
  // failure to retry.
  if (isApiError(query.error) && query.error.status === 403) {
    return <PageHeader title={t('errors.forbiddenTitle')} description={<p>{t('errors.forbiddenBody')}</p>} />;
  }

  let content;
  if (query.isPending || (query.isError && query.isFetching)) {
    content = <Spinner label={t('integrations.loading')} className="loading--block" />;
  } else if (query.isError) {
    content = (
      <ErrorState
        title={t('integrations.loadFailed')}
        message={t(errorMessageKey(query.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void query.refetch()}
      />
    );
  } else if (query.data.items.length === 0) {
    content = (
      <EmptyState title={t('integrations.emptyTitle')}>
        <p>{t('integrations.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    content = (
      <TableScroll>
        <table className="table keys-table">
          <caption className="visually-hidden">{t('integrations.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('integrations.columns.name')}</th>
              <th scope="col">{t('integrations.columns.prefix')}</th>
              <th scope="col">{t('integrations.columns.scope')}</th>
              <th scope="col">{t('integrations.columns.created')}</th>
              <th scope="col">{t('integrations.columns.lastUsed')}</th>
              <th scope="col">{t('integrations.columns.state')}</th>
              <th scope="col">{t('integrations.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {query.data.items.map((key) => (
              <tr key={key.id}>
                <th scope="row" className="cell--primary">
                  {key.name}
                </th>
                <td>
                  <code className="keys-table__prefix">{key.prefix}…</code>
                </td>
                <td>{t(`integrations.scopes.${key.scope}`)}</td>
                <td>
                  <span className="cell--nowrap">{formatDate(key.createdAt)}</span>
                  <span className="keys-table__note">{t('integrations.createdBy', { name: key.createdBy.name })}</span>
                </td>
                <td className="cell--nowrap">{key.lastUsedAt ? formatDate(key.lastUsedAt, { withTime: true }) : t('integrations.never')}</td>
                <td>
                  {key.revokedAt ? (
                    <StatusBadge tone="neutral">{t('integrations.revokedOn', { date: formatDate(key.revokedAt) })}</StatusBadge>
                  ) : (
                    <StatusBadge tone="success">{t('integrations.active')}</StatusBadge>
                  )}
                </td>
                <td>
                  {key.revokedAt ? null : (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('integrations.revokeName', { name: key.name })}
                      onClick={() => setToRevoke(key)}
                    >
                      {t('integrations.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    );
  }

  return (
    <>
      <PageHeader
        title={t('integrations.title')}
        description={<p>{t('integrations.description')}</p>}
        actions={
          <button type="button" className="button button--primary" onClick={() => setCreateOpen(true)}>
            {t('integrations.createKey')}
          </button>
        }
      />
      {content}
      <CreateKeyDialog isOpen={createOpen} onOpenChange={setCreateOpen} />
      {toRevoke ? <RevokeKeyDialog integrationKey={toRevoke} onClose={() => setToRevoke(null)} /> : null}
    </>
  );
}
