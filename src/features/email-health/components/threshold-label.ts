import type { TFunction } from 'i18next';
import type { HealthRate, ThresholdLine } from '../../../contract/email-health';
import { formatRate } from '../format';

/** A threshold line in words, in the direction of the rate: "Healthy below 1%",
 * "Needs attention below 27%", "Suspension limit 5%". */
export function thresholdLabel(t: TFunction, line: ThresholdLine, better: HealthRate['better']): string {
  const value = formatRate(line.value);
  switch (line.kind) {
    case 'healthy':
      return better === 'lower' ? t('health.lines.healthyBelow', { value }) : t('health.lines.healthyAbove', { value });
    case 'attention':
      return better === 'lower' ? t('health.lines.attentionAbove', { value }) : t('health.lines.attentionBelow', { value });
    case 'suspension':
      return t('health.lines.suspension', { value });
    case 'probation':
      return t('health.lines.probation', { value });
    case 'benchmark':
      return t('health.lines.benchmark', { value });
  }
}

/** "41 of 12,310 sent" / "5 of 15,146 delivered": the counts behind a rate. */
export function countsLabel(
  t: TFunction,
  figure: { numerator: number; denominator: number },
  denominatorKind: HealthRate['denominatorKind'],
  format: (n: number) => string,
): string {
  const vars = { numerator: format(figure.numerator), denominator: format(figure.denominator) };
  return denominatorKind === 'sent' ? t('health.rates.ofSent', vars) : t('health.rates.ofDelivered', vars);
}
