import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, chooseLanguage, currentLanguage, isLanguage } from '../i18n/i18n';

/** The language switch; each language is named in its own language. */
export function LanguageSelect() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="header-select">
      <label htmlFor={id} className="header-select__label">
        {t('language.label')}
      </label>
      <select
        id={id}
        className="select"
        value={currentLanguage()}
        onChange={(event) => {
          const value = event.target.value;
          if (isLanguage(value)) void chooseLanguage(value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
