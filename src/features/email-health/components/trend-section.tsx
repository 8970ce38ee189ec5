import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailHealth, TrendGranularity } from '../../../contract/email-health';
import { SegmentedControl } from '../../../ui/segmented-control';
import { TrendChart } from './trend-chart';

interface TrendSectionProps {
  health: EmailHealth;
  /** The granularity asked for (the URL's); the charts draw the one loaded. */
  granularity: TrendGranularity;
  onGranularityChange: (granularity: TrendGranularity) => void;
}

/** Each rate over the window, by day or by week. */
export function TrendSection({ health, granularity, onGranularityChange }: TrendSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const loaded = health.trend.granularity;
  return (
    <section className="health-section" aria-labelledby={headingId}>
      <div className="health-section__header">
        <div>
          <h2 id={headingId} className="health-section__title">
            {t('health.trend.heading')}
          </h2>
          <p className="health-section__intro">{loaded === 'day' ? t('health.trend.gapsDay') : t('health.trend.gapsWeek')}</p>
        </div>
        <SegmentedControl
          label={t('health.trend.granularity')}
          options={[
            { id: 'day', label: t('health.trend.daily') },
            { id: 'week', label: t('health.trend.weekly') },
          ]}
          value={granularity}
          onChange={onGranularityChange}
        />
      </div>
      <div className="trend-grid">
        {health.trend.series.map((series) => {
          const rate = health.rates.find((r) => r.key === series.key);
          return rate ? <TrendChart key={series.key} series={series} rate={rate} granularity={loaded} /> : null;
        })}
      </div>
    </section>
  );
}
