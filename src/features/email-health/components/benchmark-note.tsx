import { useTranslation } from 'react-i18next';
import type { Benchmark, ProbationState } from '../../../contract/email-health';
import { IndustryForm } from './industry-form';

interface BenchmarkNoteProps {
  benchmark: Benchmark;
  /** The plan, and whether probation applies to it. */
  probation: Pick<ProbationState, 'plan' | 'eligible'>;
  /** Admins may change the account's industry; others read it. */
  canChangeIndustry: boolean;
}

/** Which benchmark and thresholds the figures are held to, and (admins) the industry behind them. */
export function BenchmarkNote({ benchmark, probation, canChangeIndustry }: BenchmarkNoteProps) {
  const { t } = useTranslation();
  const industry = t(`health.industries.${benchmark.industry}`);
  const text =
    benchmark.source === 'industry'
      ? t('health.benchmark.industry', { industry })
      : benchmark.industry === 'other'
        ? t('health.benchmark.general')
        : t('health.benchmark.generalFor', { industry });
  return (
    <div className="benchmark">
      <p className="benchmark__text">
        {text}
      </p>
      <p className="benchmark__note">{t('health.benchmark.thresholdsNote')}</p>
      <p className="benchmark__plan">
        {t(probation.eligible ? 'health.benchmark.planEligible' : 'health.benchmark.planNotEligible', {
          plan: t(`health.plans.${probation.plan}`),
        })}
      </p>
      {canChangeIndustry ? <IndustryForm current={benchmark.industry} /> : null}
    </div>
  );
}
