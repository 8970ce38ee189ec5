import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkA11y, expect, test } from './fixtures';

// The Swedish catalog is the source of truth for what the user should now read.
const sv = JSON.parse(readFileSync('src/i18n/locales/sv.json', 'utf8')) as {
  nav: { sequences: string; emailHealth: string };
  language: { label: string };
};

/** Picks a language in the selector labelled `label`, whether it is a native select or a
 * button that opens a list box. */
async function chooseLanguage(page: Page, label: string, language: string) {
  const native = page.getByRole('combobox', { name: label, exact: true });
  if (await native.count()) {
    await native.selectOption({ label: language });
    return;
  }
  await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: language, exact: true }).click();
}

test('choosing Svenska translates the app and is remembered after a reload', async ({ signInAs }) => {
  const page = await signInAs('marketer');
  await page.goto('/sequences');
  const nav = page.getByRole('navigation').first();
  await expect(nav.getByRole('link', { name: 'Sequences', exact: true })).toBeVisible();

  await chooseLanguage(page, 'Language', 'Svenska');
  await expect(nav.getByRole('link', { name: sv.nav.sequences, exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: sv.nav.emailHealth, exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await checkA11y(page);

  await page.reload();
  await expect(nav.getByRole('link', { name: sv.nav.sequences, exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');

  await chooseLanguage(page, sv.language.label, 'English');
  await expect(nav.getByRole('link', { name: 'Sequences', exact: true })).toBeVisible();
});
