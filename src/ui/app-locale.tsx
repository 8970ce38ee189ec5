import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';

/**
 * react-aria's own strings and formats (date fields, dialogs, toasts) in the app's language.
 * Each part that uses react-aria and is downloaded on demand (the signed-in frame, the toast
 * region, the shortcuts list) wraps itself in it, so the first download carries no react-aria.
 */
export function AppLocale({ children }: { children: ReactNode }) {
  useTranslation(); // renders again when the language changes
  return <I18nProvider locale={currentLanguage()}>{children}</I18nProvider>;
}
