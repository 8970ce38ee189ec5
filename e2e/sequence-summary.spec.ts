import { readFileSync } from 'node:fs';
import { checkA11y, expect, test, userName } from './fixtures';

const sv = JSON.parse(readFileSync('src/i18n/locales/sv.json', 'utf8')) as {
  enrollments: { columns: { contact: string; enrolled: string; email: string } };
  summary: { tabs: { enrollments: string } };
};

test('a manager reads a flag, filters by an error and unenrolls a contact', async ({ signInAs }) => {
  const page = await signInAs('manager');
  await page.goto('/sequences?sort=errorCount&dir=desc');
  const first = page.getByRole('table').getByRole('link').first();
  const name = (await first.textContent())?.trim() ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Enrollments' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('columnheader', { name: /^Enrolled/ }).first()).toBeVisible();
  await checkA11y(page);

  // The error summary filters the table; the first flag explains itself.
  const chip = page.getByRole('button', { name: /·/ }).first();
  await chip.click();
  await expect(page).toHaveURL(/[?&]error=/);
  // Wait for the filtered rows: the table is busy while the previous rows stand in.
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Updating…')).toHaveCount(0);
  await expect(page.locator('table[aria-busy="true"]')).toHaveCount(0);
  // In the first data row, the flag is the first button (Actions comes last).
  const flag = page.locator('tr[aria-rowindex="2"]').getByRole('button').first();
  await flag.focus();
  await page.keyboard.press('Enter');
  const explanation = page.getByRole('dialog');
  await expect(explanation.getByText('What to do')).toBeVisible();
  await checkA11y(page);
  await page.keyboard.press('Escape');
  await expect(explanation).toBeHidden();
  await expect(flag).toBeFocused();
  // Opened with the mouse, it returns focus to the flag as well.
  await flag.click();
  await expect(explanation.getByText('What to do')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(explanation).toBeHidden();
  await expect(flag).toBeFocused();

  // Actions → Unenroll on an active contact.
  const url = new URL(page.url());
  await page.goto(`${url.pathname}?status=active&sort=contact&dir=asc`);
  const row = page.locator('tr[aria-rowindex="2"]');
  const contact = (await row.getByRole('link').first().textContent())?.trim() ?? '';
  await row.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Unenroll' }).click();
  const confirm = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await expect(confirm).toContainText(contact);
  await checkA11y(page);
  await confirm.getByRole('button', { name: 'Unenroll', exact: true }).click();
  await expect(confirm).toBeHidden();

  await page.goto(`${url.pathname}?status=unenrolled&q=${encodeURIComponent(contact)}`);
  await expect(page.getByText(`Unenrolled manually by ${userName('manager')}`).first()).toBeVisible();
});

test('a rep sees the summary in Swedish, only their own enrollments, free of axe violations', async ({ signInAs }) => {
  const page = await signInAs('rep');
  await page.addInitScript(() => window.localStorage.setItem('sd.lang', 'sv'));
  await page.goto('/sequences');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('tab', { name: sv.summary.tabs.enrollments })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: sv.enrollments.columns.contact })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  const enrolledBy = page.locator('tr[aria-rowindex="2"]').getByRole('cell').filter({ hasText: userName('rep') });
  await expect(enrolledBy.first()).toBeVisible();
  await checkA11y(page);
});
