import type { Page } from '@playwright/test';
import { checkA11y, expect, test, userName } from './fixtures';

// Sequences no other spec changes (one per test: they run in parallel), so counts hold.
const SEQUENCE = 3;
const SCHEDULED_SEQUENCE = 4;
const KEYBOARD_SEQUENCE = 5;

/** Waits until the table shows the rows of the current filter (placeholder rows stand in before). */
async function settled(page: Page) {
  await expect(page.getByRole('table').first()).toBeVisible();
  await expect(page.getByText('Updating…')).toHaveCount(0);
  await expect(page.locator('table[aria-busy="true"]')).toHaveCount(0);
}

test('a manager unenrolls ticked rows and undoes it, then selects all that match and cancels', async ({ signInAs }) => {
  const page = await signInAs('manager');
  await page.goto(`/sequences/${SEQUENCE}?status=active&sort=contact&dir=asc`);
  const sequenceName = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
  await settled(page);
  await checkA11y(page);

  const names: string[] = [];
  for (const index of [2, 3]) {
    const row = page.locator(`tr[aria-rowindex="${index}"]`);
    names.push(((await row.getByRole('link').first().textContent()) ?? '').trim());
    // The drawn box covers the native checkbox, as a label does: click what a person sees.
    await row.locator('.select-checkbox').click();
    await expect(row.getByRole('checkbox')).toBeChecked();
  }
  await expect(page.getByText('2 selected', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Unenroll', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: `Unenroll 2 contacts from ${sequenceName}?` });
  await expect(dialog).toBeVisible();
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Unenroll', exact: true }).click();

  const notifications = page.getByRole('region', { name: 'Notifications' });
  await expect(notifications.getByText('2 contacts unenrolled.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await checkA11y(page);
  await notifications.getByRole('button', { name: 'Undo' }).click();
  await expect(notifications.getByText('2 contacts restored.')).toBeVisible();
  // Restored: the two contacts are active again.
  await settled(page);
  for (const name of names) await expect(page.getByRole('row', { name: new RegExp(name) }).first()).toBeVisible();

  // Everything that matches the filters (more than one page): the dialog states the same exact number.
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Any status' });
  await expect(page).not.toHaveURL(/status=/);
  const count = (await (await page.request.get(`/api/sequences/${SEQUENCE}/enrollments/count`)).json()) as { total: number };
  const total = new Intl.NumberFormat('en-US').format(count.total);
  const status = page.locator('.toolbar__status');
  await expect(status).toHaveText(`${total} enrollments`);
  await settled(page);
  await page.locator('thead .select-checkbox').click();
  await expect(page.getByRole('checkbox', { name: 'Select all loaded rows' })).toBeChecked();
  await page.getByRole('button', { name: `Select all ${total} matching` }).click();
  await expect(page.getByText(`All ${total} matching enrollments are selected`)).toBeVisible();
  const unenroll = page.getByRole('button', { name: 'Unenroll', exact: true });
  await unenroll.click();
  const all = page.getByRole('alertdialog', { name: `Unenroll ${total} contacts from ${sequenceName}?` });
  await expect(all).toBeVisible();
  await checkA11y(page);
  await all.getByRole('button', { name: 'Cancel' }).click();
  await expect(all).toBeHidden();
  await expect(unenroll).toBeFocused();
  await expect(status).toHaveText(`${total} enrollments`);
});

test('a manager unenrolls a contact from the Scheduled tab and finds them unenrolled', async ({ signInAs }) => {
  const page = await signInAs('manager');
  await page.goto(`/sequences/${SCHEDULED_SEQUENCE}?tab=scheduled`);
  const table = page.getByRole('table', { name: 'Scheduled steps, soonest first' });
  await expect(table).toBeVisible();
  await settled(page);
  await checkA11y(page);

  const row = table.locator('tbody tr').first();
  const contact = ((await row.getByRole('link').textContent()) ?? '').trim();
  const email = ((await row.locator('.cell__secondary').first().textContent()) ?? '').trim();
  const unenroll = row.getByRole('button', { name: 'Unenroll' });
  await row.hover();
  await expect(unenroll).toHaveCSS('opacity', '1');
  await unenroll.click();
  const dialog = page.getByRole('alertdialog', { name: `Unenroll ${contact}?` });
  await expect(dialog).toBeVisible();
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Unenroll', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('link', { name: contact, exact: true })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Enrollments' }).click();
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(email);
  await settled(page);
  await expect(page.getByRole('row', { name: new RegExp(contact) }).first()).toContainText(
    `Unenrolled manually by ${userName('manager')}`,
  );

  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('table', { name: 'History of this sequence, newest first' })).toBeVisible();
  await checkA11y(page);
});

test('by keyboard alone: unenroll the only matching row, keep the focus, then F6 and Tab reach Undo', async ({ signInAs }) => {
  const page = await signInAs('manager');
  const sequence = KEYBOARD_SEQUENCE;
  const first = (await (
    await page.request.get(`/api/sequences/${sequence}/enrollments?status=active&sort=contact&dir=asc&limit=1`)
  ).json()) as { items: { contact: { name: string; email: string } }[] };
  const contact = first.items[0]!.contact;
  // One row matches: unenrolled, it leaves the table.
  await page.goto(`/sequences/${sequence}?status=active&q=${encodeURIComponent(contact.email)}`);
  await settled(page);
  const checkbox = page.getByRole('checkbox', { name: `Select ${contact.name}` });

  // `/` goes to the search field; Tab from there on to the row's checkbox.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search contacts' })).toBeFocused();
  for (let i = 0; i < 40 && !(await checkbox.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(checkbox).toBeFocused();
  await page.keyboard.press('Space');
  const unenroll = page.getByRole('button', { name: 'Unenroll', exact: true });
  for (let i = 0; i < 20 && !(await unenroll.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await expect(unenroll).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: /^Unenroll 1 contact from / });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Unenroll', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');

  const notifications = page.getByRole('region', { name: 'Notifications' });
  await expect(notifications.getByText('1 contact unenrolled.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No enrollments match these filters' })).toBeVisible();
  // The focus stayed with the table's count, not on the page itself.
  await expect(page.locator('.toolbar__status')).toBeFocused();

  await page.keyboard.press('F6');
  await expect(notifications.getByRole('alertdialog', { name: '1 contact unenrolled.' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(notifications.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notifications.getByText('1 contact restored.')).toBeVisible();
  await settled(page);
  await expect(page.getByRole('row', { name: new RegExp(contact.name) }).first()).toBeVisible();
  await checkA11y(page);
});
