import './probation.css';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketingEmail } from '../../../contract/marketing-email';
import { formatDate, formatInteger } from '../../../i18n/format';
import { ColumnHeader } from '../../../ui/column-header';
import { PagedList } from '../../../ui/paged-list';
import { TableScroll } from '../../../ui/table-scroll';
import { useToasts } from '../../../ui/toast-context';
import { marketingEmailsQuery } from '../api/get-marketing-emails';
import { useSendMarketingEmail } from '../api/send-marketing-email';
import { probationErrorText } from '../error-text';
import { marketingListLabels } from '../list-labels';
import { ConfirmDialog } from '../../../ui/confirm-dialog';

interface MarketingEmailListProps {
  /** Marketers and admins may send. */
  canSend: boolean;
  /** False while suspended: sending is refused, and the list says why. */
  sendingAllowed: boolean;
}

/** The account's marketing emails: name, status, how many it went to, and when. */
export function MarketingEmailList({ canSend, sendingAllowed }: MarketingEmailListProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const noteId = useId();
  const query = useInfiniteQuery(marketingEmailsQuery());
  const send = useSendMarketingEmail();
  const toasts = useToasts();
  const [toSend, setToSend] = useState<MarketingEmail | null>(null);

  const total = query.data?.pages[0]?.total ?? 0;
  const content = (
    <PagedList
      query={query}
      labels={marketingListLabels(t, { loading: t('probation.list.loading'), loadFailed: t('probation.list.loadFailed') })}
      empty={{ title: t('probation.list.emptyTitle'), body: t('probation.list.emptyBody') }}
    >
      {(items) => (
        <>
          <p className="text-muted">{t('probation.list.total', { count: total, n: formatInteger(total) })}</p>
          {canSend && !sendingAllowed ? (
            <p id={noteId} className="alert alert--error">
              {t('probation.list.suspendedNote')}
            </p>
          ) : null}
          <TableScroll>
            <table className="table">
              <caption className="visually-hidden">{t('probation.list.caption')}</caption>
              <thead>
                <tr>
                  <ColumnHeader>{t('probation.list.columns.name')}</ColumnHeader>
                  <ColumnHeader>{t('probation.list.columns.status')}</ColumnHeader>
                  <ColumnHeader numeric>{t('probation.list.columns.sent')}</ColumnHeader>
                  <ColumnHeader>{t('probation.list.columns.date')}</ColumnHeader>
                  {canSend ? <ColumnHeader>{t('probation.list.columns.actions')}</ColumnHeader> : null}
                </tr>
              </thead>
              <tbody>
                {items.map((email) => (
                  <tr key={email.id}>
                    <th scope="row" className="cell--primary">
                      {email.name}
                    </th>
                    <td>
                      <span className={`marketing-status marketing-status--${email.status}`}>{t(`probation.list.status.${email.status}`)}</span>
                    </td>
                    <td className="cell--numeric">{email.status === 'sent' ? formatInteger(email.sentCount) : t('probation.list.notSent')}</td>
                    <td className="nowrap">{dateOf(email, t)}</td>
                    {canSend ? (
                      <td>
                        {email.status !== 'sent' ? (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('probation.list.sendName', { name: email.name })}
                            aria-disabled={!sendingAllowed || undefined}
                            aria-describedby={!sendingAllowed ? noteId : undefined}
                            onClick={() => {
                              if (!sendingAllowed) return;
                              send.reset();
                              setToSend(email);
                            }}
                          >
                            {t('probation.list.send')}
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </PagedList>
  );

  return (
    <section className="marketing-emails" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('probation.list.title')}
      </h2>
      {content}
      <ConfirmDialog
        isOpen={toSend !== null}
        onOpenChange={(open) => {
          if (!open) setToSend(null);
        }}
        title={t('probation.list.confirmTitle')}
        confirmLabel={t('probation.list.confirm')}
        pendingLabel={t('probation.list.sending')}
        cancelLabel={t('probation.list.cancel')}
        tone="primary"
        isPending={send.isPending}
        error={send.isError ? probationErrorText(send.error, t) : null}
        onConfirm={() => {
          if (!toSend) return;
          const email = toSend;
          send.mutate(email.id, {
            onSuccess: (sent) => {
              setToSend(null);
              toasts.add(
                {
                  tone: 'success',
                  title: t('probation.list.sent', {
                    name: sent.name,
                    recipients: t('probation.list.recipients', { count: sent.sentCount, n: formatInteger(sent.sentCount) }),
                  }),
                },
                { timeout: 5000 },
              );
            },
          });
        }}
      >
        {toSend ? <p>{t('probation.list.confirmBody', { name: toSend.name })}</p> : null}
      </ConfirmDialog>
    </section>
  );
}

function dateOf(email: MarketingEmail, t: TFunction): string {
  if (email.status === 'sent' && email.sentAt) return t('probation.list.dates.sent', { date: formatDate(email.sentAt) });
  if (email.status === 'scheduled' && email.scheduledAt) {
    return t('probation.list.dates.scheduled', { date: formatDate(email.scheduledAt, { withTime: true }) });
  }
  return t('probation.list.dates.draft', { date: formatDate(email.createdAt) });
}
