import './probation.css';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountProbation } from '../../../contract/probation';
import { formatDate } from '../../../i18n/format';
import { formatRate } from '../format';

interface ProbationBannerProps {
  probation: AccountProbation;
  /** The Review contacts button, for those who may review; absent for the others. */
  action?: ReactNode;
}

/**
 * At the top of Marketing email while the account is under watch: which figure crossed which
 * threshold, the level, what happens next and when, and the way out (the contact review).
 * Renders nothing when the account is healthy.
 */
export function ProbationBanner({ probation, action }: ProbationBannerProps) {
  const { t } = useTranslation();
  const headingId = useId();
  if (probation.level === 'healthy') return null;
  const level = probation.level;
  const figure = probation.figure;

  return (
    <section className={`probation-banner probation-banner--${level}`} aria-labelledby={headingId}>
      <div className="probation-banner__text">
        <h2 id={headingId} className="probation-banner__title">
          {t(`probation.banner.title.${level}`)}
        </h2>
        <p className="probation-banner__level">
          <span className="badge badge--danger">{t('probation.banner.level', { level: t(`probation.levels.${level}`) })}</span>
          {probation.startedAt ? <> {t('probation.banner.since', { date: formatDate(probation.startedAt) })}</> : null}
        </p>
        {figure ? (
          <p>
            {figure.value !== null
              ? t('probation.banner.figure', {
                  figure: t(`probation.figures.${figure.key}`),
                  value: formatRate(figure.value),
                  threshold: formatRate(figure.threshold),
                })
              : figure.valueAtStart !== null
                ? t('probation.banner.figureAtStart', {
                    figure: t(`probation.figures.${figure.key}`),
                    value: formatRate(figure.valueAtStart),
                    threshold: formatRate(figure.threshold),
                  })
                : null}
          </p>
        ) : null}
        <p>
          {probation.next
            ? t(`probation.banner.next.${nextKey(probation.next.level)}`, { date: formatDate(probation.next.at) })
            : t('probation.banner.suspendedNext')}
        </p>
        <p>{action ? t('probation.banner.ask') : t('probation.banner.askOthers')}</p>
      </div>
      {action ? <div className="probation-banner__action">{action}</div> : null}
    </section>
  );
}

/** The escalations a banner can announce. */
function nextKey(level: AccountProbation['level']): 'warning_1' | 'warning_2' | 'suspended' {
  return level === 'warning_1' || level === 'warning_2' ? level : 'suspended';
}
