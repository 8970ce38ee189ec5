import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HealthRate, Recommendation } from '../../../contract/email-health';
import { formatCount, formatRate } from '../format';
import { HealthIcon, type HealthIconKind } from './health-icon';
import { notSentGroupId } from './not-sent-section';
import { countsLabel } from './threshold-label';

const ICON: Record<Recommendation['severity'], HealthIconKind> = { critical: 'alert', warning: 'watch', suggestion: 'info' };
const MARKETING_EMAIL_PATH = '/marketing-email';

interface RecommendationListProps {
  recommendations: readonly Recommendation[];
  rates: readonly HealthRate[];
}

/** What to do, most urgent first, each with the figure that calls for it. */
export function RecommendationList({ recommendations, rates }: RecommendationListProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="health-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="health-section__title">
        {t('health.recommendations.heading')}
      </h2>
      {recommendations.length === 0 ? (
        <p className="text-muted">{t('health.recommendations.none')}</p>
      ) : (
        <ol className="recommendations">
          {recommendations.map((rec, index) => (
            <RecommendationItem key={`${rec.code}-${index}`} rec={rec} rates={rates} />
          ))}
        </ol>
      )}
    </section>
  );
}

function RecommendationItem({ rec, rates }: { rec: Recommendation; rates: readonly HealthRate[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <li className={`recommendation recommendation--${rec.severity}`}>
      <p className={`judgement judgement--small judgement--${rec.severity}`}>
        <HealthIcon kind={ICON[rec.severity]} />
        {t(`health.recommendations.severity.${rec.severity}`)}
      </p>
      <h3 id={titleId} className="recommendation__title">
        {t(`health.recommendations.codes.${rec.code}.title`)}
      </h3>
      <p className="recommendation__body">
        {rec.code === 'COMPLETE_CONTACT_REVIEW' ? (
          <Trans
            i18nKey="health.recommendations.codes.COMPLETE_CONTACT_REVIEW.body"
            components={{ anchor: <Link to={MARKETING_EMAIL_PATH} /> }}
          />
        ) : (
          t(`health.recommendations.codes.${rec.code}.body`)
        )}
      </p>
      <p className="recommendation__figure">
        <span className="recommendation__figure-label">{t('health.recommendations.figure')}</span>{' '}
        <Basis basis={rec.basis} rates={rates} />
      </p>
    </li>
  );
}

function Basis({ basis, rates }: { basis: Recommendation['basis']; rates: readonly HealthRate[] }) {
  const { t } = useTranslation();
  switch (basis.type) {
    case 'rate': {
      const rate = rates.find((r) => r.key === basis.key);
      const better = rate?.better ?? 'lower';
      const kind = rate?.denominatorKind ?? 'delivered';
      const threshold = formatRate(basis.threshold);
      const where =
        basis.thresholdKind === 'attention' || basis.thresholdKind === 'healthy'
          ? t(`health.recommendations.threshold.${basis.thresholdKind}_${better}`, { threshold })
          : t(`health.recommendations.threshold.${basis.thresholdKind}`, { threshold });
      return (
        <>
          {t('health.recommendations.rateFigure', {
            rate: t(`health.rates.names.${basis.key}`),
            value: basis.value === null ? t('health.rates.noValue') : formatRate(basis.value),
            counts: countsLabel(t, basis, kind, formatCount),
          })}
          {' · '}
          {where}
        </>
      );
    }
    case 'not_sent':
      return (
        <a href={`#${notSentGroupId(basis.group)}`}>
          {t(`health.recommendations.notSent.${basis.group}`, { count: basis.count })}
        </a>
      );
    case 'status':
      return <>{t('health.recommendations.statusFigure', { status: t(`health.status.${basis.status}`) })}</>;
  }
}
