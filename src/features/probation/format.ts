import { formatPercent, numberFormat } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';

/** A rate as a percentage with the decimals its size needs: 12.5%, 6.26%, 0.08%. */
export function formatRate(fraction: number, locale: string = currentLanguage()): string {
  const percent = Math.abs(fraction * 100);
  if (percent === 0 || percent >= 10) return formatPercent(fraction, locale);
  const options: Intl.NumberFormatOptions =
    percent >= 0.1 ? { style: 'percent', maximumFractionDigits: 2 } : { style: 'percent', maximumSignificantDigits: 2 };
  return numberFormat(locale, options).format(fraction);
}
