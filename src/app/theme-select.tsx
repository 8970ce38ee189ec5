import { useId, useLayoutEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { THEME_CHOICES, chooseTheme, followSystemTheme, isThemeChoice, readThemeChoice, subscribeThemeChoice } from './theme';

/** The theme switch: System (follows the device), Light or Dark; remembered like the language. */
export function ThemeSelect() {
  const { t } = useTranslation();
  const id = useId();
  const choice = useSyncExternalStore(subscribeThemeChoice, readThemeChoice, () => 'system' as const);

  // While the page shows the header, a change of the device's preference changes the theme.
  // Applied in the commit that draws the header (a layout effect), never a frame later.
  useLayoutEffect(() => followSystemTheme(), []);

  return (
    <div className="header-select header-select--theme">
      <label htmlFor={id} className="header-select__label">
        {t('theme.label')}
      </label>
      <span className="header-select__control">
        <svg className="header-select__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="6.25" />
          <path d="M8 1.75a6.25 6.25 0 0 1 0 12.5z" />
        </svg>
        <select
          id={id}
          className="select"
          value={choice}
          onChange={(event) => {
            const value = event.target.value;
            if (isThemeChoice(value)) chooseTheme(value);
          }}
        >
          {THEME_CHOICES.map((option) => (
            <option key={option} value={option}>
              {t(`theme.${option}`)}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}
