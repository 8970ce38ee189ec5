import { currentLanguage } from './i18n';

// Intl formatters are costly to build; keep one per locale and style.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** A cached Intl.NumberFormat for the locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!(format instanceof Intl.NumberFormat)) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** A cached Intl.DateTimeFormat for the locale and options. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!(format instanceof Intl.DateTimeFormat)) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** A fraction (0.253) as a percentage in the current language: "25.3%", "25,3 %". */
export function formatPercent(fraction: number, locale: string = currentLanguage()): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A whole number with the current language's grouping: "12,345", "12 345". */
export function formatInteger(value: number, locale: string = currentLanguage()): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A date (and optionally its time) in the current language's usual medium form. */
export function formatDate(
  value: Date | string | number,
  options: { withTime?: boolean } = {},
  locale: string = currentLanguage(),
): string {
  const date = value instanceof Date ? value : new Date(value);
  return dateFormat(locale, {
    dateStyle: 'medium',
    ...(options.withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}

/** Items joined as the current language lists them: "a, b and c", "a, b og c". */
export function formatList(items: readonly string[], locale: string = currentLanguage()): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
