import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs, type Catalog } from './catalogs';

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

void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: catalogs.en },
    sv: { translation: catalogs.sv },
    nb: { translation: catalogs.nb },
    pl: { translation: catalogs.pl },
  },
  lng: detectLanguage(),
  fallbackLng: FALLBACK,
  supportedLngs: LANGUAGES.map((l) => l.code),
  // Resources are bundled, so initialising synchronously lets the first render be translated.
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const i18n = i18next;
