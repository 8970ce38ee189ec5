import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format';
import { HealthIcon } from './health-icon';

/** Below the minimum of marketing emails nothing is judged: say so, and how far off it is. */
export function NotEnoughData({ sent, minimum }: { sent: number; minimum: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="notice notice--info" aria-labelledby={headingId}>
      <h2 id={headingId} className="notice__title">
        <HealthIcon kind="none" />
        {t('health.notEnough.title')}
      </h2>
      <p>
        {sent === 0
          ? t('health.notEnough.none', { minimum: formatCount(minimum) })
          : t('health.notEnough.some', { count: sent, minimum: formatCount(minimum) })}
      </p>
      <p>{t('health.notEnough.shown')}</p>
    </section>
  );
}
