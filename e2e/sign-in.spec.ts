import { ROLES, checkA11y, emailOf, expect, roleLabel, signInThroughForm, test, userName } from './fixtures';

test.describe('signing in', () => {
  for (const role of ROLES) {
    test(`${role} signs in through the form and lands on the sequences`, async ({ page }) => {
      await page.goto('/sign-in');
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
      await checkA11y(page);
      await signInThroughForm(page, role);

      await expect(page).toHaveURL(/\/sequences$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
      const table = page.getByRole('table');
      await expect(table).toBeVisible();
      await expect(table.getByRole('row').nth(1)).toBeVisible();
      const account = page.getByRole('group', { name: 'Account' });
      await expect(account.getByText(userName(role), { exact: true })).toBeVisible();
      await expect(account.getByText(roleLabel(role), { exact: true })).toBeVisible();
      await checkA11y(page);
    });
  }

  test('a wrong password is refused with an alert', async ({ page }) => {
    await page.goto('/sign-in');
    await signInThroughForm(page, 'marketer', 'not-the-password');

    await expect(page.getByRole('alert')).toContainText(/not correct/i);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(emailOf('marketer'));
    await checkA11y(page);
  });

  test('a signed-out deep link goes to sign-in, then back to where it pointed', async ({ page }) => {
    await page.goto('/sequences/1');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();

    await signInThroughForm(page, 'manager');
    await expect(page).toHaveURL(/\/sequences\/1$/);
    await expect(page.getByRole('link', { name: 'Sequences', exact: true })).toBeVisible();
  });

  test('signing out ends the session', async ({ page }) => {
    await page.goto('/sign-in');
    await signInThroughForm(page, 'rep');
    await expect(page).toHaveURL(/\/sequences$/);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    await page.goto('/sequences');
    await expect(page).toHaveURL(/\/sign-in/);
    const session = await page.request.get('/api/session');
    expect(await session.json()).toMatchObject({ user: null });
  });
});
