import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EarlyWarning } from '../../../contract/email-health';
import { formatRate } from '../format';
import { HealthIcon } from './health-icon';

/**
 * Rates heading towards a threshold at their current 14-day pace, soonest first, each with the
 * recommendation for that rate (the same words as the recommendations above). Nothing at all
 * when no rate is heading anywhere worse.
 */
export function EarlyWarningList({ warnings }: { warnings: readonly EarlyWarning[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (warnings.length === 0) return null;
  return (
    <section className="health-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="health-section__title">
        {t('health.earlyWarning.heading')}
      </h2>
      <p className="text-muted">{t('health.earlyWarning.intro')}</p>
      <ul className="recommendations">
        {warnings.map((w) => (
          <li key={w.key} className="recommendation recommendation--warning">
            <h3 className="recommendation__title">
              <HealthIcon kind="watch" />{' '}
              {t('health.earlyWarning.title', {
                rate: t(`health.rates.names.${w.key}`),
                threshold: formatRate(w.threshold),
                kind: t(`health.earlyWarning.kind.${w.thresholdKind}`),
                count: w.days,
              })}
            </h3>
            <p className="recommendation__figure">
              {t(w.slopePerDay > 0 ? 'health.earlyWarning.rising' : 'health.earlyWarning.falling', {
                value: formatRate(w.value),
                slope: formatRate(Math.abs(w.slopePerDay)),
              })}
            </p>
            <p className="recommendation__body">
              <strong>{t('health.earlyWarning.whatToDo')}</strong> {t(`health.recommendations.codes.${w.recommendation}.title`)}
            </p>
            <p className="recommendation__body">{t(`health.recommendations.codes.${w.recommendation}.body`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
