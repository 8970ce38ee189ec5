import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs';

type Catalog = { [key: string]: string | Catalog };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a catalog as [dotted key, text]. */
function leaves(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[prefix + key, value]] : leaves(value, `${prefix}${key}.`),
  );
}

/** Keys with plural suffixes folded to their base key (languages differ in plural forms). */
function baseKeys(catalog: Catalog): string[] {
  return [...new Set(leaves(catalog).map(([key]) => key.replace(PLURAL_SUFFIX, '')))].sort();
}

function markup(text: string): string[] {
  return [...text.matchAll(/<\/?(\w+)\s*\/?>/g)].map((m) => m[0]).sort();
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)(?:\s*,[^}]*)?\}\}/g)].map((m) => m[1] ?? '').sort();
}

const { en, ...rest } = catalogs;
const others: Record<string, Catalog> = rest;
const english: Catalog = en;

describe('message catalogs', () => {
  it('English has no empty messages', () => {
    for (const [key, text] of leaves(english)) expect(text.trim(), key).not.toBe('');
  });

  describe.each(Object.entries(others))('%s', (_lang, catalog) => {
    it('has exactly the keys of English', () => {
      expect(baseKeys(catalog)).toEqual(baseKeys(english));
    });

    it('has no empty messages', () => {
      for (const [key, text] of leaves(catalog)) expect(text.trim(), key).not.toBe('');
    });

    it('uses the same interpolation variables as English', () => {
      const englishVars = new Map(leaves(english).map(([key, text]) => [key.replace(PLURAL_SUFFIX, ''), variables(text)]));
      for (const [key, text] of leaves(catalog)) {
        expect(variables(text), key).toEqual(englishVars.get(key.replace(PLURAL_SUFFIX, '')));
      }
    });

    it('keeps the markup of English (the tags React fills in)', () => {
      const englishMarkup = new Map(leaves(english).map(([key, text]) => [key.replace(PLURAL_SUFFIX, ''), markup(text)]));
      for (const [key, text] of leaves(catalog)) {
        expect(markup(text), key).toEqual(englishMarkup.get(key.replace(PLURAL_SUFFIX, '')));
      }
    });
  });

  it.each(Object.entries({ en: english, ...others }))(
    "%s has exactly the language's plural forms for every plural message",
    (lang, catalog) => {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
      const forms = new Map<string, string[]>();
      for (const [key] of leaves(catalog)) {
        const match = PLURAL_SUFFIX.exec(key);
        if (!match) continue;
        const base = key.slice(0, match.index);
        forms.set(base, [...(forms.get(base) ?? []), match[1] ?? '']);
      }
      expect(forms.size).toBeGreaterThan(0);
      for (const [base, found] of forms) expect(found.sort(), base).toEqual(categories);
    },
  );

  it('Polish counts use the one, few and many forms', () => {
    const rules = new Intl.PluralRules('pl');
    expect([1, 2, 5, 22, 25].map((n) => rules.select(n))).toEqual(['one', 'few', 'many', 'few', 'many']);
    expect(catalogs.pl.sequences.total_few).not.toBe(catalogs.pl.sequences.total_many);
    expect(catalogs.pl.probation.wizard.step4.confirmTitle_few).not.toBe(catalogs.pl.probation.wizard.step4.confirmTitle_many);
  });

  // Feature catalogs (locales/<feature>/) are mounted under one key: the parity checks above
  // cover them only if every language mounts them.
  it.each(['health', 'probation', 'users', 'integrations'] as const)('mounts the %s catalog in every language', (feature) => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog[feature]).length, lang).toBeGreaterThan(0);
    }
  });
});
