import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../api/error-message-key';
import { formatDate } from '../../../i18n/format';
import { ErrorState } from '../../../ui/error-state';
import { NotSentReasonText } from '../../../ui/not-sent-reason';
import { Spinner } from '../../../ui/spinner';
import { TableScroll } from '../../../ui/table-scroll';
import { contactNotSentQuery } from '../api/get-contact-not-sent';

/**
 * "There was a problem sending an email to this contact": every email the platform held back
 * from the contact (docs/domain.md §3), with when, which kind, why (in words and by its code) and what
 * to do. Renders nothing when every email went out.
 */
export function ContactNotSent({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useQuery(contactNotSentQuery(contactId));

  if (query.isPending || (query.isError && query.isFetching)) {
    return <Spinner label={t('health.contactNotSent.loading')} />;
  }
  if (query.isError) {
    return (
      <section className="section contact-not-sent" aria-label={t('health.contactNotSent.title')}>
        <ErrorState
          title={t('health.contactNotSent.loadFailed')}
          message={t(errorMessageKey(query.error))}
          retryLabel={t('common.tryAgain')}
          onRetry={() => void query.refetch()}
        />
      </section>
    );
  }
  const { items, total } = query.data;
  if (items.length === 0) return null;

  return (
    <section className="section contact-not-sent" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {t('health.contactNotSent.title')}
      </h2>
      <p className="text-muted">
        {items.length < total
          ? t('health.contactNotSent.countOf', { count: total, shown: items.length })
          : t('health.contactNotSent.count', { count: total })}
      </p>
      <TableScroll>
        <table className="table">
          <caption className="visually-hidden">{t('health.contactNotSent.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('health.contactNotSent.columns.date')}</th>
              <th scope="col">{t('health.contactNotSent.columns.kind')}</th>
              <th scope="col">{t('health.contactNotSent.columns.reason')}</th>
              <th scope="col">{t('health.contactNotSent.columns.remedy')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td className="cell--nowrap">{formatDate(item.occurredAt, { withTime: true })}</td>
                <td className="cell--nowrap">{t(`health.contactNotSent.kind.${item.kind}`)}</td>
                <th scope="row">
                  <NotSentReasonText reason={item.reason} explain />
                </th>
                <td>{t(`health.reasons.${item.reason}.todo`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
