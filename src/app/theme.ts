/**
 * The colour theme: the person's choice (System, Light or Dark), remembered in this browser like
 * the language, and the theme it gives, set as `data-theme` on <html> for the stylesheet.
 * public/theme.js does the same before the first paint (keep the two in step); this module keeps
 * it up to date afterwards.
 */

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;

export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'sd.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

// When storage is unavailable (privacy modes), the choice holds for this visit only.
let unsaved: ThemeChoice | undefined;
const listeners = new Set<() => void>();

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return THEME_CHOICES.some((choice) => choice === value);
}

/** The remembered choice, else System. */
export function readThemeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isThemeChoice(stored) ? stored : 'system';
  } catch {
    return unsaved ?? 'system';
  }
}

function systemTheme(): Theme {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches
    ? 'dark'
    : 'light';
}

/** Set on <html> while the theme changes (styles.css turns transitions off under it). */
export const THEME_CHANGING_CLASS = 'theme-changing';

/**
 * Puts the theme of the remembered choice on <html>, which sets the colours and `color-scheme`.
 * Every colour changes in the same frame: the transitions some controls have (a button's
 * background) are held off while the theme changes, or for a moment a button would show the new
 * theme's text on the old theme's background, light on light.
 */
export function applyTheme(): Theme {
  const choice = readThemeChoice();
  const theme = choice === 'system' ? systemTheme() : choice;
  if (typeof document === 'undefined') return theme;
  const root = document.documentElement;
  if (root.dataset.theme === theme) return theme;
  root.classList.add(THEME_CHANGING_CLASS);
  root.dataset.theme = theme;
  // The whole page's styles are computed now (a layout needs them all), with transitions off,
  // so none starts when the class goes.
  void (document.body ?? root).offsetHeight;
  root.classList.remove(THEME_CHANGING_CLASS);
  return theme;
}

/** Switches the theme at once and remembers the choice for the next visit. */
export function chooseTheme(choice: ThemeChoice): void {
  try {
    localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    unsaved = choice;
  }
  applyTheme();
  for (const listener of listeners) listener();
}

/** Calls `listener` when the choice changes; for useSyncExternalStore. */
export function subscribeThemeChoice(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Applies the theme now and again whenever the system's preference changes (under System). */
export function followSystemTheme(): () => void {
  applyTheme();
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(DARK_QUERY);
  const onChange = () => applyTheme();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
