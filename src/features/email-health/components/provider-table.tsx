import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderBreakdown } from '../../../contract/email-health';
import { ColumnHeader } from '../../../ui/column-header';
import { TableScroll } from '../../../ui/table-scroll';
import { formatCount, formatRate } from '../format';
import { countsLabel } from './threshold-label';

type RatioFigure = ProviderBreakdown['hardBounce'];

/** Marketing email per mailbox provider: sent, delivered, and the rates each one reports. */
export function ProviderTable({ providers }: { providers: readonly ProviderBreakdown[] }) {
  const { t } = useTranslation();
  const headingId = useId();

  const rateCell = (figure: RatioFigure, kind: 'sent' | 'delivered') => (
    <td className="cell--numeric">
      {figure.value === null ? (
        <span className="text-muted">{t('health.trend.noEmails')}</span>
      ) : (
        <>
          <span className="provider-rate">{formatRate(figure.value)}</span>
          <span className="provider-counts">{countsLabel(t, figure, kind, formatCount)}</span>
        </>
      )}
    </td>
  );

  return (
    <section className="health-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="health-section__title">
        {t('health.providers.heading')}
      </h2>
      <p className="health-section__intro">{t('health.providers.intro')}</p>
      <TableScroll>
        <table className="table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <ColumnHeader>{t('health.providers.provider')}</ColumnHeader>
              <ColumnHeader numeric>{t('health.providers.sent')}</ColumnHeader>
              <ColumnHeader numeric>{t('health.providers.delivered')}</ColumnHeader>
              <ColumnHeader numeric>{t('health.rates.names.hardBounce')}</ColumnHeader>
              <ColumnHeader numeric>{t('health.rates.names.softBounce')}</ColumnHeader>
              <ColumnHeader numeric>{t('health.rates.names.spamReport')}</ColumnHeader>
            </tr>
          </thead>
          <tbody>
            {providers.map((p) => (
              <tr key={p.provider}>
                <th scope="row">{t(`health.providers.names.${p.provider}`)}</th>
                <td className="cell--numeric">{formatCount(p.sent)}</td>
                <td className="cell--numeric">{formatCount(p.delivered)}</td>
                {rateCell(p.hardBounce, 'sent')}
                {rateCell(p.softBounce, 'sent')}
                {rateCell(p.spamReport, 'delivered')}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
