import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { checkA11y, expect, test } from './fixtures';

// Every screen on a phone (390 × 844) and on a wide screen (1440), in the light theme and the
// dark one: nothing scrolls the page sideways, axe finds nothing (colour contrast included), and
// a screenshot of each is saved with the test's results, to be looked at.

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1440, height: 900 };
const SEQUENCE = 1;

const NOT_FOUND = (JSON.parse(readFileSync('src/i18n/locales/en.json', 'utf8')) as { errors: { notFoundTitle: string } })
  .errors.notFoundTitle;

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

/** The checks every screen gets (axe's scan includes the size of targets), then its screenshot. */
async function check(page: Page, name: string, theme: 'light' | 'dark'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await noSidewaysScroll(page);
  await checkA11y(page, { targetSize: true });
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

/** The table has its rows (placeholders stand in while a newer view loads). */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.loading--block')).toHaveCount(0);
  await expect(page.locator('table[aria-busy="true"]')).toHaveCount(0);
}

/** On a phone a dialog takes the whole screen. */
async function fillsThePhone(dialogBox: Locator): Promise<void> {
  const box = await dialogBox.boundingBox();
  expect(box?.x).toBe(0);
  expect(box?.width).toBe(PHONE.width);
}

/** Signed in as an admin (who sees every screen), from Sequences to the not-found page. */
async function visitEveryScreen(page: Page, theme: 'light' | 'dark', phone: boolean): Promise<void> {
  await page.goto('/sequences');
  await expect(page.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await check(page, 'sequences', theme);

  await page.goto(`/sequences/${SEQUENCE}`);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(NOT_FOUND);
  const firstRow = page.locator('tr[aria-rowindex="2"]');
  await expect(firstRow).toBeVisible();
  await settled(page);
  await check(page, 'sequence-enrollments', theme);

  if (phone) {
    // The table scrolls in a frame of its own, which the keyboard can reach; the contact stays.
    const region = page.getByRole('group', { name: /^Enrollments, sorted by/ });
    await expect(region).toHaveAttribute('tabindex', '0');
    const contact = firstRow.getByRole('link').first();
    const before = await contact.boundingBox();
    await region.evaluate((el) => el.scrollBy({ left: 400 }));
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect((await contact.boundingBox())?.x).toBe(before?.x);
    await region.evaluate((el) => el.scrollTo({ left: 0 }));
  }

  // The selection bar, and its confirmation.
  await firstRow.locator('.select-checkbox').click();
  await expect(page.getByText('1 selected', { exact: true })).toBeVisible();
  await check(page, 'sequence-selection', theme);
  await page.getByRole('button', { name: 'Unenroll', exact: true }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toBeVisible();
  if (phone) await fillsThePhone(confirm);
  await check(page, 'unenroll-dialog', theme);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await firstRow.locator('.select-checkbox').click();

  await page.getByRole('button', { name: 'Enroll contacts' }).click();
  const enroll = page.getByRole('dialog', { name: 'Enroll contacts' });
  await expect(enroll.getByRole('checkbox').first()).toBeVisible();
  if (phone) await fillsThePhone(enroll);
  await check(page, 'enroll-dialog', theme);
  await page.keyboard.press('Escape');
  await expect(enroll).toBeHidden();

  const contactPath = await firstRow.getByRole('link').first().getAttribute('href');

  await page.getByRole('tab', { name: 'Scheduled' }).click();
  const scheduled = page.getByRole('tabpanel', { name: 'Scheduled' });
  await expect(scheduled.getByRole('table').or(scheduled.getByRole('heading')).first()).toBeVisible();
  await settled(page);
  await check(page, 'sequence-scheduled', theme);

  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('tabpanel', { name: 'History' });
  await expect(history.getByRole('table').or(history.getByRole('heading')).first()).toBeVisible();
  await settled(page);
  await check(page, 'sequence-history', theme);

  expect(contactPath).toMatch(/^\/contacts\/\d+$/);
  await page.goto(contactPath ?? '');
  await expect(page.getByRole('heading', { level: 2, name: 'Enrollments' })).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
  await settled(page);
  await check(page, 'contact', theme);

  await page.goto('/email-health');
  await expect(page.getByRole('heading', { level: 1, name: 'Email health' })).toBeVisible();
  await expect(page.locator('.trend-chart').first()).toBeVisible();
  await check(page, 'email-health', theme);

  await page.locator('a[href^="/email-health/not-sent/"]').first().click();
  await expect(page).toHaveURL(/\/email-health\/not-sent\//);
  await expect(page.getByRole('table').first()).toBeVisible();
  await settled(page);
  await check(page, 'email-health-not-sent', theme);

  await page.goto('/marketing-email');
  await expect(page.getByRole('heading', { level: 1, name: 'Marketing email' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await check(page, 'marketing-email', theme);
  // The probation (and its review) is there until probation.spec.ts lifts it in the same run.
  const review = page.getByRole('button', { name: 'Review contacts', exact: true });
  if (await review.isVisible()) {
    await review.click();
    const sheet = page.getByRole('dialog', { name: 'Review contacts' });
    await expect(sheet.getByRole('heading', { level: 3 }).or(sheet.getByRole('heading', { level: 2 })).first()).toBeVisible();
    if (phone) await fillsThePhone(sheet);
    await check(page, 'review-contacts', theme);
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
  }

  await page.goto('/settings/inboxes');
  await expect(page.getByRole('heading', { level: 1, name: 'Sending inboxes' })).toBeVisible();
  await expect(page.getByRole('table').or(page.getByRole('heading', { name: 'You have no sending inboxes' }))).toBeVisible();
  await check(page, 'inboxes', theme);

  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: NOT_FOUND })).toBeVisible();
  await check(page, 'not-found', theme);
}

/** The signed-out sign-in page, checked before signing in. */
async function visitSignIn(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await check(page, 'sign-in', theme);
}

for (const theme of ['light', 'dark'] as const) {
  test(`on a phone, every screen fits and passes axe, with the system's ${theme} theme`, async ({ page, signInAs }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(PHONE);
    await page.emulateMedia({ colorScheme: theme });
    await visitSignIn(page, theme);
    await signInAs('admin');
    await visitEveryScreen(page, theme, true);
  });
}

test('on a wide screen, every screen passes axe in the light theme', async ({ page, signInAs }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(WIDE);
  await page.emulateMedia({ colorScheme: 'light' });
  await visitSignIn(page, 'light');
  await signInAs('admin');
  await visitEveryScreen(page, 'light', false);
});

test('on a wide screen, every screen passes axe in the dark theme chosen in the header', async ({ page, signInAs }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(WIDE);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/sign-in');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
  await visitSignIn(page, 'dark');
  await signInAs('admin');
  await visitEveryScreen(page, 'dark', false);
});

test('on a phone, the navigation folds behind Menu, which works with the keyboard', async ({ signInAs }) => {
  const page = await signInAs('marketer');
  await page.setViewportSize(PHONE);
  await page.goto('/sequences');
  await expect(page.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['Sequences', 'Contacts', 'Email health', 'Marketing email', 'Inboxes']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await noSidewaysScroll(page);
  await checkA11y(page, { targetSize: true });
  await page.screenshot({ path: test.info().outputPath('menu-open.png') });

  // Escape closes it and gives the focus back to the button.
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // By keyboard: open, Tab into the links, follow one; the menu closes and the page has the focus.
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Sequences', exact: true })).toBeFocused();
  // The links in their order: Needs attention (with its count) and Contacts come next.
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: /^Needs attention/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Contacts', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Email health', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/email-health$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Email health' })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();
  await expect(page.getByRole('main')).toBeFocused();

  // A click elsewhere (below the open menu) closes it too.
  await menu.click();
  await expect(nav).toBeVisible();
  await page.mouse.click(PHONE.width / 2, PHONE.height - 20);
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('the theme follows the system until one is chosen, is remembered, and is set before the first paint', async ({ signInAs }) => {
  const page = await signInAs('rep');
  await page.setViewportSize(WIDE);
  // What <html> says when the <body> starts: the theme must be there already.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      (window as unknown as { themeAtBody?: string | null }).themeAtBody = document.documentElement.getAttribute('data-theme');
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const html = page.locator('html');
  const themeAtBody = () => page.evaluate(() => (window as unknown as { themeAtBody?: string | null }).themeAtBody);
  const colorScheme = () => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
  const theme = page.getByRole('combobox', { name: 'Theme' });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/sequences');
  await expect(page.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
  await expect(theme).toHaveValue('system');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await themeAtBody()).toBe('dark');
  expect(await colorScheme()).toBe('dark');

  // System follows a change of the system's preference at once.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');

  // A choice wins over the system, and is remembered.
  await theme.selectOption({ label: 'Dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await colorScheme()).toBe('dark');
  expect(await page.evaluate(() => localStorage.getItem('sd.theme'))).toBe('dark');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
  expect(await themeAtBody()).toBe('dark');
  await expect(theme).toHaveValue('dark');

  await page.emulateMedia({ colorScheme: 'dark' });
  await theme.selectOption({ label: 'Light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
  expect(await themeAtBody()).toBe('light');
  expect(await colorScheme()).toBe('light');

  await theme.selectOption({ label: 'System' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
});
