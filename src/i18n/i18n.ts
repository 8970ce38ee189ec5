import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Catalog } from './catalogs';

/** The languages the app is translated into, each named in its own language. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'sv', name: 'Svenska' },
  { code: 'nb', name: 'Norsk bokmål' },
  { code: 'pl', name: 'Polski' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'sd.lang';
const FALLBACK: Language = 'en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

/** Maps a BCP 47 tag to a supported language: `sv-SE` → sv; Norwegian (`no`, `nn`) → nb. */
function matchLanguage(tag: string): Language | undefined {
  const base = tag.toLowerCase().split('-')[0] ?? '';
  if (base === 'no' || base === 'nn') return 'nb';
  return isLanguage(base) ? base : undefined;
}

function readStoredLanguage(): Language | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    // Storage can be unavailable (privacy modes); the choice is then not remembered.
    return undefined;
  }
}

/** The remembered choice, else the browser's first supported language, else English. */
export function detectLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) return stored;
  const preferred = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of preferred) {
    const match = tag ? matchLanguage(tag) : undefined;
    if (match) return match;
  }
  return FALLBACK;
}

/** Switches the language and remembers the choice for the next visit. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  await i18next.changeLanguage(language);
}

/** The current language as one of ours (i18next may report a fallback such as `cimode`). */
export function currentLanguage(): Language {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lng) ? lng : FALLBACK;
}

function syncDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

i18next.on('languageChanged', syncDocumentLanguage);

/** Each language is a file of its own in the build, downloaded when it is first used. */
const CATALOGS: Record<Language, () => Promise<{ default: object }>> = {
  en: () => import('./languages/en'),
  sv: () => import('./languages/sv'),
  nb: () => import('./languages/nb'),
  pl: () => import('./languages/pl'),
};

// Hand-written rather than a backend package: a dynamic import per language is all it takes.
// i18next calls it before it switches, so a page never shows a language half loaded.
const onDemand: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, _namespace, callback) => {
    if (!isLanguage(language)) return callback(null, {});
    CATALOGS[language]().then(
      (catalog) => callback(null, catalog.default as Record<string, string>),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Settles once the visitor's language is loaded: render after it, so the first paint is
 * translated. */
export const i18nReady: Promise<unknown> = i18next
  .use(onDemand)
  .use(initReactI18next)
  .init({
    lng: detectLanguage(),
    // The catalog tests prove every language has every message and plural form, so there is
    // nothing to fall back on, and a Swedish visit need not download English as well.
    fallbackLng: false,
    supportedLngs: LANGUAGES.map((l) => l.code),
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

export const i18n = i18next;
