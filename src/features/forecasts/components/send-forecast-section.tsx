import './forecasts.css';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { can } from '../../../api/can';
import { errorMessageKey } from '../../../api/error-message-key';
import { api } from '../../../api/endpoints';
import type { User } from '../../../contract/auth';
import type { InboxForecast } from '../../../contract/forecast';
import { formatInteger } from '../../../i18n/format';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorState } from '../../../ui/error-state';
import { Spinner } from '../../../ui/spinner';
import { StatusBadge } from '../../../ui/status-badge';
import { sendForecastQuery, type ForecastFilters } from '../api/get-send-forecast';
import { ForecastChart } from './forecast-chart';
import { ForecastTable } from './forecast-table';
import { SpreadDialog } from './spread-dialog';

interface SendForecastSectionProps extends ForecastFilters {
  user: User;
  /** The section's heading level: 2 on a page of its own kind, 3 inside another section. */
  headingLevel?: 2 | 3;
}

/**
 * The send forecast: per inbox, the sequence emails scheduled for the next 7 days against the
 * point where sequences pause, as a chart and a table, with Spread for a day over the limit.
 * Self-contained (it loads its own data), so any page can mount it with its filters.
 */
export function SendForecastSection({ user, headingLevel = 2, ...filters }: SendForecastSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useQuery({ ...sendForecastQuery(filters), retryOnMount: false });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  let content;
  if (query.isPending || (query.isError && query.isFetching)) {
    content = <Spinner label={t('forecasts.loading')} className="loading--block" />;
  } else if (query.isError) {
    content = (
      <ErrorState
        title={t('forecasts.loadFailed')}
        message={t(errorMessageKey(query.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void query.refetch()}
      />
    );
  } else if (query.data.inboxes.length === 0) {
    content = (
      <EmptyState title={t('forecasts.emptyTitle')}>
        <p>{t('forecasts.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <p className="text-muted">{t('forecasts.timeZone', { zone: query.data.timeZone })}</p>
        {query.data.inboxes.map((forecast) => (
          <InboxForecastCard
            key={forecast.inbox.id}
            forecast={forecast}
            showOwner={forecast.owner.id !== user.id}
            canSpread={can(api.spreadSends, user)}
            headingLevel={headingLevel === 2 ? 3 : 4}
          />
        ))}
      </>
    );
  }

  return (
    <section className="forecast-section" aria-labelledby={headingId}>
      <Heading id={headingId} className="forecast-section__title">
        {t('forecasts.title')}
      </Heading>
      <p>{t('forecasts.description')}</p>
      {content}
    </section>
  );
}

interface InboxForecastCardProps {
  forecast: InboxForecast;
  showOwner: boolean;
  canSpread: boolean;
  headingLevel: 3 | 4;
}

function InboxForecastCard({ forecast, showOwner, canSpread, headingLevel }: InboxForecastCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [spreading, setSpreading] = useState(false);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article className="forecast-card" aria-labelledby={titleId}>
      <div className="forecast-card__head">
        <Heading id={titleId} className="forecast-card__title">
          {forecast.inbox.address}
        </Heading>
        {showOwner ? <span className="text-muted">{forecast.owner.name}</span> : null}
        {/* Where the focus goes when Spread's button leaves with the overflow it spread. */}
        <span tabIndex={-1} data-focus-fallback="">
          {forecast.overflow > 0 ? (
            <StatusBadge tone="danger">{t('forecasts.overSummary', { count: forecast.overflow })}</StatusBadge>
          ) : (
            <StatusBadge tone="success">{t('forecasts.withinLimit')}</StatusBadge>
          )}
        </span>
      </div>
      <p className="forecast-card__limits">
        {t('forecasts.limits', { limit: formatInteger(forecast.dailyLimit), pauseAt: formatInteger(forecast.pauseAt) })}
      </p>
      <div className="forecast-card__legend" aria-hidden="true">
        <span className="forecast-legend forecast-legend--bar">{t('forecasts.legend.scheduled')}</span>
        <span className="forecast-legend forecast-legend--over">{t('forecasts.legend.over')}</span>
        <span className="forecast-legend forecast-legend--pause">{t('forecasts.legend.pause')}</span>
        <span className="forecast-legend forecast-legend--limit">{t('forecasts.legend.limit')}</span>
      </div>
      <ForecastChart forecast={forecast} />
      <ForecastTable forecast={forecast} />
      {forecast.overflow > 0 && canSpread ? (
        <div className="forecast-card__actions">
          <p>{t('forecasts.spreadHint')}</p>
          <Button className="button button--primary" onPress={() => setSpreading(true)}>
            {t('forecasts.spreadButton')}
          </Button>
        </div>
      ) : null}
      {spreading ? <SpreadDialog inboxId={forecast.inbox.id} address={forecast.inbox.address} onClose={() => setSpreading(false)} /> : null}
    </article>
  );
}
