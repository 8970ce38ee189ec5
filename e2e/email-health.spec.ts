import { checkA11y, expect, test } from './fixtures';

test('a marketer follows a not-sent reason to a contact and sees the problem there', async ({ signInAs }) => {
  const page = await signInAs('marketer');
  await page.goto('/email-health');
  await expect(page.getByRole('heading', { level: 1, name: 'Email health' })).toBeVisible();
  for (const label of ['Hard bounce rate', 'Soft bounce rate', 'Spam report rate', 'Unsubscribe rate', 'Open rate', 'Click rate']) {
    await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
  }
  await checkA11y(page);

  await page.getByRole('link', { name: /emails? not sent: .*Show the contacts/ }).first().click();
  await expect(page).toHaveURL(/\/email-health\/not-sent\//);
  await checkA11y(page);
  const contact = page.getByRole('main').getByRole('link', { name: /\w/ }).filter({ hasNotText: 'Back to email health' }).first();
  await contact.click();
  await expect(page).toHaveURL(/\/contacts\/\d+/);
  await expect(page.getByRole('heading', { name: 'There was a problem sending an email to this contact' })).toBeVisible();
  await checkA11y(page);
});
