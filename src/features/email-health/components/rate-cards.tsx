import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthRate } from '../../../contract/email-health';
import { RateCard } from './rate-card';

/** The six rates of the window, hard and soft bounces apart. */
export function RateCards({ rates }: { rates: readonly HealthRate[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="health-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="health-section__title">
        {t('health.rates.heading')}
      </h2>
      <p className="health-section__intro">{t('health.rates.intro')}</p>
      <div className="rate-grid">
        {rates.map((rate) => (
          <RateCard key={rate.key} rate={rate} />
        ))}
      </div>
    </section>
  );
}
