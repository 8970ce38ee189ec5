import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailHealth, HealthStatus } from '../../../contract/email-health';
import { formatCount } from '../format';
import { BenchmarkNote } from './benchmark-note';
import { HealthIcon, type HealthIconKind } from './health-icon';

const ICON: Record<HealthStatus, HealthIconKind> = {
  not_enough_data: 'none',
  healthy: 'ok',
  needs_improvement: 'watch',
  at_risk: 'alert',
  critical: 'alert',
};

interface HealthOverviewProps {
  health: EmailHealth;
  canChangeIndustry: boolean;
}

/** The account at a glance: its status, how much was sent, and what it is compared with. */
export function HealthOverview({ health, canChangeIndustry }: HealthOverviewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const benchmarkId = useId();
  const { status } = health;
  return (
    <div className="health-overview">
      <section className={`panel status-panel status-panel--${status}`} aria-labelledby={headingId}>
        <h2 id={headingId} className="panel__title">
          {t('health.status.heading')}
        </h2>
        <p className={`status-word judgement--${status}`}>
          <HealthIcon kind={ICON[status]} />
          {t(`health.status.${status}`)}
        </p>
        <p className="status-panel__body">{t(`health.statusBody.${status}`)}</p>
        <p className="status-panel__volume">
          {t('health.volume', { count: health.sent, delivered: formatCount(health.delivered) })}
        </p>
      </section>
      <section className="panel" aria-labelledby={benchmarkId}>
        <h2 id={benchmarkId} className="panel__title">
          {t('health.benchmark.heading')}
        </h2>
        <BenchmarkNote benchmark={health.benchmark} probation={health.probation} canChangeIndustry={canChangeIndustry} />
      </section>
    </div>
  );
}
