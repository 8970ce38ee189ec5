import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthRate } from '../../../contract/email-health';
import { formatCount, formatRate } from '../format';
import { BandBadge } from './band-badge';
import { LimitBadge } from './limit-badge';
import { countsLabel, thresholdLabel } from './threshold-label';

/** One rate: its value, the counts behind it, its band, and the lines it is held to. */
export function RateCard({ rate }: { rate: HealthRate }) {
  const { t } = useTranslation();
  const headingId = useId();
  const band = rate.value === null ? null : rate.band;
  return (
    <article className={`rate-card rate-card--${band ?? 'none'}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="rate-card__name">
        {t(`health.rates.names.${rate.key}`)}
      </h3>
      {rate.value === null ? (
        <>
          <p className="rate-card__value rate-card__value--none">{t('health.rates.noValue')}</p>
          <p className="rate-card__counts">
            {rate.denominatorKind === 'sent' ? t('health.rates.nothingSent') : t('health.rates.nothingDelivered')}
          </p>
        </>
      ) : (
        <>
          <p className="rate-card__value">{formatRate(rate.value)}</p>
          <p className="rate-card__counts">{countsLabel(t, rate, rate.denominatorKind, formatCount)}</p>
          <BandBadge band={rate.band} />
        </>
      )}
      <dl className="rate-card__facts">
        <div>
          <dt>{t('health.rates.bands')}</dt>
          <dd>
            {thresholdLabel(t, { kind: 'healthy', value: rate.bandEdges.healthy }, rate.better)}
            <br />
            {thresholdLabel(t, { kind: 'attention', value: rate.bandEdges.attention }, rate.better)}
          </dd>
        </div>
        {rate.suspensionLimit !== null ? (
          <div>
            <dt>{t('health.rates.suspensionLimit')}</dt>
            <dd>
              {formatRate(rate.suspensionLimit)}
              {rate.limitState ? (
                <>
                  {' '}
                  <LimitBadge state={rate.limitState} />
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        {rate.probationThreshold !== null ? (
          <div>
            <dt>{t('health.rates.probationThreshold')}</dt>
            <dd>{formatRate(rate.probationThreshold)}</dd>
          </div>
        ) : null}
        {rate.benchmark !== null ? (
          <div>
            <dt>{t('health.rates.benchmark')}</dt>
            <dd>{formatRate(rate.benchmark)}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
