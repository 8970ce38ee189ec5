import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HealthWindow, ProbationState } from '../../../contract/email-health';
import { formatDate } from '../../../i18n/format';
import { formatRate } from '../format';
import { HealthIcon } from './health-icon';

const MARKETING_EMAIL_PATH = '/marketing-email';

/**
 * Probation (docs/domain.md §5): on it, or about to be, on a plan where it applies. Names the figures
 * that crossed their industry threshold and sends the user to Marketing email, where the
 * contact review lifts it. Renders nothing when probation is not in question.
 */
export function ProbationNotice({ probation, window }: { probation: ProbationState; window: HealthWindow }) {
  const { t } = useTranslation();
  const headingId = useId();
  // Probation is judged on the last 30 days whatever the period on screen: say so when they differ.
  const assessed = window === '30d' ? null : <p className="notice__note">{t('health.probation.assessed30')}</p>;
  const triggers = probation.triggers.map((trigger) => (
    <li key={trigger.key}>
      {t('health.probation.trigger', {
        rate: t(`health.rates.names.${trigger.key}`),
        value: formatRate(trigger.value),
        threshold: formatRate(trigger.threshold),
      })}
    </li>
  ));

  if (!probation.eligible) {
    if (probation.triggers.length === 0) return null;
    return (
      <section className="notice notice--info" aria-labelledby={headingId}>
        <h2 id={headingId} className="notice__title">
          {t('health.probation.notEligibleTitle')}
        </h2>
        <p>{t('health.probation.notEligibleBody', { plan: t(`health.plans.${probation.plan}`) })}</p>
        <ul className="notice__list">{triggers}</ul>
        {assessed}
      </section>
    );
  }
  if (!probation.onProbation && !probation.figuresWouldTrigger) return null;

  return (
    <section className="notice notice--warning" aria-labelledby={headingId}>
      <h2 id={headingId} className="notice__title">
        <HealthIcon kind="alert" />
        {probation.onProbation ? t('health.probation.onTitle') : t('health.probation.wouldTitle')}
      </h2>
      {probation.onProbation && probation.since ? (
        <p>{t('health.probation.since', { date: formatDate(probation.since) })}</p>
      ) : null}
      {triggers.length > 0 ? <ul className="notice__list">{triggers}</ul> : null}
      {assessed}
      <p>
        <Trans
          i18nKey={probation.onProbation ? 'health.probation.onBody' : 'health.probation.wouldBody'}
          components={{ anchor: <Link to={MARKETING_EMAIL_PATH} className="notice__link" /> }}
        />
      </p>
    </section>
  );
}
