import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HealthWindow, NotSentSummary } from '../../../contract/email-health';
import { ColumnHeader } from '../../../ui/column-header';
import { NotSentReasonText } from '../../../ui/not-sent-reason';
import { TableScroll } from '../../../ui/table-scroll';
import { formatCount } from '../format';
import { notSentPath } from '../health-search';

export const NOT_SENT_SECTION_ID = 'not-sent';
export const notSentGroupId = (group: 'recipient' | 'sender') => `not-sent-${group}`;

interface NotSentSectionProps {
  notSent: NotSentSummary;
  window: HealthWindow;
}

/** The reasons emails were held back in the window, by side, each with what it means, what to
 * do, and a link to the contacts it concerns. */
export function NotSentSection({ notSent, window }: NotSentSectionProps) {
  const { t } = useTranslation();
  return (
    <section className="health-section" aria-labelledby={NOT_SENT_SECTION_ID}>
      <h2 id={NOT_SENT_SECTION_ID} className="health-section__title" tabIndex={-1}>
        {t('health.notSent.heading')}
      </h2>
      <p className="health-section__intro">{t('health.notSent.intro')}</p>
      {notSent.groups.map((group) => (
        <NotSentGroup key={group.group} group={group} window={window} />
      ))}
    </section>
  );
}

function NotSentGroup({ group, window }: { group: NotSentSummary['groups'][number]; window: HealthWindow }) {
  const { t } = useTranslation();
  const headingId = notSentGroupId(group.group);
  return (
    <div className="not-sent-group">
      <h3 id={headingId} className="not-sent-group__title" tabIndex={-1}>
        {t(`health.notSent.groups.${group.group}`)}{' '}
        <span className="not-sent-group__total">{t('health.notSent.emailCount', { count: group.total })}</span>
      </h3>
      {group.reasons.length === 0 ? (
        <p className="text-muted">{t(`health.notSent.groupEmpty.${group.group}`)}</p>
      ) : (
        <TableScroll>
          <table className="table not-sent-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <ColumnHeader>{t('health.notSent.reason')}</ColumnHeader>
                <ColumnHeader numeric>{t('health.notSent.emails')}</ColumnHeader>
                <ColumnHeader>{t('health.notSent.meaning')}</ColumnHeader>
                <ColumnHeader>{t('health.notSent.remedy')}</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              {group.reasons.map((r) => {
                const title = t(`health.reasons.${r.reason}.title`);
                return (
                  <tr key={r.reason}>
                    <th scope="row" className="not-sent-table__reason">
                      <NotSentReasonText reason={r.reason} />
                    </th>
                    <td className="cell--numeric">
                      <Link
                        to={notSentPath(r.reason, window)}
                        className="not-sent-table__count"
                        aria-label={t('health.notSent.countLink', { count: r.count, reason: title })}
                      >
                        {formatCount(r.count)}
                      </Link>
                      <span className="not-sent-table__split">
                        {r.sales > 0 && r.marketing > 0
                          ? t('health.notSent.split', { sales: formatCount(r.sales), marketing: formatCount(r.marketing) })
                          : t(r.sales > 0 ? 'health.emailKind.sales' : 'health.emailKind.marketing')}
                      </span>
                    </td>
                    <td>{t(`health.reasons.${r.reason}.what`)}</td>
                    <td>{t(`health.reasons.${r.reason}.todo`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
