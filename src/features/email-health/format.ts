import { dateFormat, numberFormat } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';

// Figures of the health view in the current language. Rates span four orders of magnitude
// (a 24% open rate, a 0.03% spam rate), so the number of decimals follows the size.

/**
 * A rate (a fraction) as a percentage with as many decimals as it needs to be told apart from
 * its thresholds: 23.6%, 6.26%, 0.33%, 0.033%, 0.08%.
 */
export function formatRate(fraction: number, locale: string = currentLanguage()): string {
  const percent = Math.abs(fraction * 100);
  const options: Intl.NumberFormatOptions =
    percent === 0 || percent >= 10
      ? { style: 'percent', maximumFractionDigits: 1 }
      : percent >= 0.1
        ? { style: 'percent', maximumFractionDigits: 2 }
        : { style: 'percent', maximumSignificantDigits: 2 };
  return numberFormat(locale, options).format(fraction);
}

export function formatCount(value: number, locale: string = currentLanguage()): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A UTC calendar day (YYYY-MM-DD) in the current language, the same day in every time zone. */
export function formatDay(iso: string, style: 'medium' | 'short' = 'medium', locale: string = currentLanguage()): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'medium' ? { dateStyle: 'medium', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return dateFormat(locale, options).format(utcDay(iso));
}

/** Two UTC days as a range, shared parts said once: "Oct 23 – Nov 19, 2026". One day: that day. */
export function formatDayRange(from: string, to: string, locale: string = currentLanguage()): string {
  if (from === to) return formatDay(from, 'medium', locale);
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(utcDay(from), utcDay(to));
}

/** A moment in the user's own time zone, with the time: when an email was not sent. */
export function formatMoment(iso: string, locale: string = currentLanguage()): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
