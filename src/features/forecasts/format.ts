import { dateFormat } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';

/** A calendar day of the forecast (YYYY-MM-DD, already in the account's zone) as the current
 * language writes it: "Mon, Nov 23", "mån 23 nov.". */
export function formatForecastDay(iso: string, style: 'long' | 'short' = 'long', locale: string = currentLanguage()): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' } : { weekday: 'short', timeZone: 'UTC' };
  return dateFormat(locale, options).format(new Date(`${iso}T00:00:00Z`));
}
