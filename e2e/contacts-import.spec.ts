import type { Page } from '@playwright/test';
import { checkA11y, expect, test } from './fixtures';

// Import contacts as a marketer would: choose a CSV file with a bad row, check the preview,
// import, and find the new contact in the Contacts list. Axe on every state, on a phone (360 px)
// in the dark theme and on a wide screen in the light one.

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

async function check(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await noSidewaysScroll(page);
  await checkA11y(page);
}

const VIEWS = [
  { theme: 'light', viewport: { width: 1440, height: 900 } },
  { theme: 'dark', viewport: { width: 360, height: 780 } },
] as const;

for (const { theme, viewport } of VIEWS) {
  test(`a marketer imports a CSV file with a bad row and finds the new contact (${theme}, ${viewport.width} px)`, async ({
    page,
    signInAs,
  }) => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: theme });
    await signInAs('marketer');
    const tag = `${theme}${Date.now()}`;
    const email = `linnea.${tag}@import.example`;

    await page.goto('/contacts');
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Contacts, by last name' }).getByRole('row').nth(1)).toBeVisible();
    await check(page, theme);

    await page.getByRole('link', { name: 'Import contacts' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import contacts' })).toBeVisible();
    await check(page, theme);

    const csv = [
      'Email,First name,Last name,Company',
      `${email},Linnea,Ek ${tag},Ekholm AB`,
      'linnea(at)example,Broken,Row,',
      `sam.${tag}@import.example,Sam,Berg,`,
    ].join('\n');
    await page.getByLabel('CSV file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

    const columns = page.getByRole('table', { name: 'The columns of contacts.csv and what each is imported as' });
    await expect(columns.getByRole('combobox', { name: 'Import the column “Email” as' })).toHaveValue('email');
    await expect(columns.getByRole('combobox', { name: 'Import the column “Company” as' })).toHaveValue('company');
    const bad = page.getByRole('table', { name: 'Rows that will be skipped, by line in the file' });
    await expect(bad.getByRole('row').nth(1)).toContainText('Invalid email');
    await expect(bad.getByRole('row').nth(1)).toContainText('linnea(at)example');
    await check(page, theme);

    await page.getByRole('button', { name: 'Import 2 contacts' }).click();
    const done = page.getByRole('heading', { name: 'Import finished' });
    await expect(done).toBeVisible();
    await expect(done).toBeFocused();
    await expect(page.getByText('Created', { exact: true }).locator('+ dd')).toHaveText('2');
    await expect(page.getByText('Skipped (problems in the file)', { exact: true }).locator('+ dd')).toHaveText('1');
    await check(page, theme);

    await page.getByRole('link', { name: 'Go to contacts' }).click();
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill(email);
    await page.getByRole('searchbox', { name: 'Search contacts' }).press('Enter');
    const row = page.getByRole('table', { name: 'Contacts, by last name' }).getByRole('row').nth(1);
    await expect(row.getByRole('link', { name: `Linnea Ek ${tag}` })).toBeVisible();
    await expect(row).toContainText('Ekholm AB');
    await expect(page.getByRole('table', { name: 'Contacts, by last name' }).getByRole('row')).toHaveCount(2);
    await check(page, theme);

    await row.getByRole('link', { name: `Linnea Ek ${tag}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Linnea Ek ${tag}` })).toBeVisible();
  });
}

test('a rep sees the contacts but is not offered Import contacts', async ({ signInAs }) => {
  const page = await signInAs('rep');
  await page.goto('/sequences');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Contacts, by last name' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import contacts' })).toHaveCount(0);
});
