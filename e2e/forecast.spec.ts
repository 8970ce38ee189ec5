import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkA11y, expect, test } from './fixtures';

// The send forecast on the inboxes page: the demo rep's Gmail inbox has a day over its limit
// tomorrow. Spread it and undo it with the keyboard alone, axe-clean in the light and the dark
// theme, in English and in Swedish. The two tests change the same schedule: one after the other.
test.describe.configure({ mode: 'serial' });

const GMAIL = 'samrivera.sales@gmail.com';

interface ForecastWords {
  title: string;
  overBadge: string;
  withinLimit: string;
  spreadButton: string;
  table: { caption: string };
  spread: { title: string; confirm: string; undo: string; done_other: string; restored_other: string };
}
const words = (lang: string) => JSON.parse(readFileSync(`src/i18n/locales/forecasts/${lang}.json`, 'utf8')) as ForecastWords;
const notificationsLabel = (lang: string) =>
  (JSON.parse(readFileSync(lang === 'en' ? 'src/i18n/locales/en.json' : `src/i18n/locales/${lang}.json`, 'utf8')) as { common: { notifications: string } })
    .common.notifications;
/** A catalog text with its {{…}} variables as a pattern. */
const pattern = (text: string) => new RegExp(`^${text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{[^}]+\}\}/g, '.+')}$`);

async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < 80 && !(await target.evaluate((el) => el === document.activeElement).catch(() => false)); i++) await page.keyboard.press(key);
  await expect(target).toBeFocused();
}

async function spreadAndUndoByKeyboard(page: Page, lang: string) {
  const w = words(lang);
  const section = page.getByRole('region', { name: w.title });
  const card = section.getByRole('article', { name: GMAIL });
  const table = card.getByRole('table', { name: w.table.caption.replace('{{address}}', GMAIL) });
  await expect(table).toBeVisible();
  // Body rows only: the header has an "Over the limit" column.
  const overRows = table.locator('tbody tr').filter({ hasText: w.overBadge });
  await expect(overRows.first()).toBeVisible();
  const before = await overRows.count();
  await checkA11y(page);

  // Tab from the page's heading to Spread, and open the preview with Enter.
  const spread = card.getByRole('button', { name: w.spreadButton, exact: true });
  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, spread);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: w.spread.title.replace('{{address}}', GMAIL) });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem').first()).toBeVisible();
  await checkA11y(page);
  // Cancel has the focus first; Tab reaches the confirmation.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: w.spread.confirm, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');

  const notifications = page.getByRole('region', { name: notificationsLabel(lang) });
  await expect(notifications.getByText(pattern(w.spread.done_other))).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(card.getByText(w.withinLimit, { exact: true })).toBeVisible();
  await expect(overRows).toHaveCount(0);
  await checkA11y(page);

  // F6 moves between landmarks until the toast has the focus; Tab reaches Undo.
  const toast = notifications.getByRole('alertdialog').first();
  for (let i = 0; i < 8 && !(await toast.evaluate((el) => el.contains(document.activeElement)).catch(() => false)); i++) await page.keyboard.press('F6');
  await expect(toast).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(notifications.getByRole('button', { name: w.spread.undo, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notifications.getByText(pattern(w.spread.restored_other))).toBeVisible();
  await expect(overRows).toHaveCount(before);
  await checkA11y(page);
}

test('a rep spreads the day over the limit and undoes it by keyboard, in the light theme, in English', async ({ signInAs }) => {
  test.setTimeout(90_000);
  const page = await signInAs('rep');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/settings/inboxes');
  await expect(page.getByRole('heading', { level: 1, name: 'Sending inboxes' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await spreadAndUndoByKeyboard(page, 'en');
});

test('the same in Swedish, in the dark theme, on a phone 360 px wide', async ({ signInAs }) => {
  test.setTimeout(90_000);
  const page = await signInAs('rep');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.addInitScript(() => window.localStorage.setItem('sd.lang', 'sv'));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/settings/inboxes');
  const inboxes = (JSON.parse(readFileSync('src/i18n/locales/inboxes/sv.json', 'utf8')) as { title: string }).title;
  await expect(page.getByRole('heading', { level: 1, name: inboxes })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('region', { name: words('sv').title }).getByRole('article').first()).toBeVisible();
  // Nothing scrolls the page sideways: the chart shrinks, the table scrolls in its own frame.
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await spreadAndUndoByKeyboard(page, 'sv');
});
