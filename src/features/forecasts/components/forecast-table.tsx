import { useTranslation } from 'react-i18next';
import type { InboxForecast } from '../../../contract/forecast';
import { formatInteger } from '../../../i18n/format';
import { ColumnHeader } from '../../../ui/column-header';
import { StatusBadge } from '../../../ui/status-badge';
import { TableScroll } from '../../../ui/table-scroll';
import { formatForecastDay } from '../format';

/** The week day by day: the accessible equivalent of the chart, with the steps that would fail. */
export function ForecastTable({ forecast }: { forecast: InboxForecast }) {
  const { t } = useTranslation();
  return (
    <TableScroll>
      <table className="table forecast-table">
        <caption className="visually-hidden">{t('forecasts.table.caption', { address: forecast.inbox.address })}</caption>
        <thead>
          <tr>
            <ColumnHeader>{t('forecasts.table.day')}</ColumnHeader>
            <ColumnHeader numeric>{t('forecasts.table.scheduled')}</ColumnHeader>
            <ColumnHeader numeric>{t('forecasts.table.overLimit')}</ColumnHeader>
            <ColumnHeader>{t('forecasts.table.failingSteps')}</ColumnHeader>
          </tr>
        </thead>
        <tbody>
          {forecast.days.map((day) => (
            <tr key={day.date} className={day.overflow > 0 ? 'forecast-table__over' : undefined}>
              <th scope="row">
                {formatForecastDay(day.date)}
                {day.overflow > 0 ? (
                  <>
                    {' '}
                    <StatusBadge tone="danger">{t('forecasts.overBadge')}</StatusBadge>
                  </>
                ) : null}
              </th>
              <td className="cell--numeric">{formatInteger(day.scheduled)}</td>
              <td className="cell--numeric">{formatInteger(day.overflow)}</td>
              <td>
                {day.failingSteps.length ? (
                  <ul className="forecast-steps">
                    {day.failingSteps.map((s) => (
                      <li key={`${s.sequence.id}-${s.step}`}>
                        {t('forecasts.table.failingStep', { sequence: s.sequence.name, step: s.step, count: s.count })}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-muted">{t('forecasts.table.none')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
