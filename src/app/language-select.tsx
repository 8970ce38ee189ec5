import { useTranslation } from 'react-i18next';
import { SelectField } from '../ui/select-field';
import { LANGUAGES, chooseLanguage, currentLanguage, isLanguage } from '../i18n/i18n';

/** The language switch; each language is named in its own language. */
export function LanguageSelect() {
  const { t } = useTranslation();
  return (
    <SelectField
      block="header-select"
      label={t('language.label')}
      value={currentLanguage()}
      onChange={(value) => {
        if (isLanguage(value)) void chooseLanguage(value);
      }}
    >
      {LANGUAGES.map((language) => (
        <option key={language.code} value={language.code} lang={language.code}>
          {language.name}
        </option>
      ))}
    </SelectField>
  );
}
