import type { Page } from '@playwright/test';
import { checkA11y, expect, test, userName } from './fixtures';

// The admin's screens of docs/domain.md §11: Users (invite, the invite link, roles) and
// Integrations (keys shown once, revoked after asking). Each test invites or creates its own,
// so they run in parallel with the others.

/** The page does not scroll sideways (a phone of 360 px must not need to). */
async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

/** The background of every button the moment the theme changes, and once every fade has ended. */
async function watchButtonsThroughThemeChange(page: Page): Promise<() => Promise<{ atChange: string[]; settled: string[] }>> {
  type Watched = { buttonsAtChange?: Promise<{ atChange: string[]; settled: string[] }> };
  await page.evaluate(() => {
    (window as unknown as Watched).buttonsAtChange = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        observer.disconnect();
        const buttons = [...document.querySelectorAll('.button')];
        const atChange = buttons.map((b) => getComputedStyle(b).backgroundColor);
        void Promise.all(document.getAnimations().map((a) => a.finished)).then(() =>
          resolve({ atChange, settled: buttons.map((b) => getComputedStyle(b).backgroundColor) }),
        );
      }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    });
  });
  return () => page.evaluate(() => (window as unknown as Watched).buttonsAtChange!);
}

async function inDarkToo(page: Page): Promise<void> {
  const buttons = await watchButtonsThroughThemeChange(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Every colour changes in the frame the theme does: a button fading its background would show
  // the dark theme's light text on a light background meanwhile (axe once caught one doing so).
  const { atChange, settled } = await buttons();
  expect(settled.length).toBeGreaterThan(0);
  expect(atChange).toEqual(settled);
  await checkA11y(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
}

test('an admin invites a person, who sets a password from the link and signs in with it', async ({ signInAs, browser }) => {
  // Two people, two browsers, axe in two themes: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const page = await signInAs('admin');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/sequences');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Users' });
  await expect(table.getByRole('rowheader', { name: new RegExp(`^${userName('admin')}`) })).toBeVisible();
  // The last admin's own actions are unavailable, and say why.
  const adminRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${userName('admin')}`) }) });
  await expect(adminRow.getByRole('button', { name: `Change role of ${userName('admin')}` })).toHaveAttribute('aria-disabled', 'true');
  await checkA11y(page);
  await inDarkToo(page);

  // By keyboard: the dialog opens on Email; Tab through the fields, Enter on Invite.
  const stamp = Date.now();
  const email = `invited.${stamp}@example.com`;
  const name = `Invited Person ${stamp}`;
  await page.getByRole('button', { name: 'Invite user' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'Invite user' });
  await expect(form.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Role')).toBeFocused();
  await form.getByLabel('Role').selectOption({ label: 'Sales manager' });
  await checkA11y(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Invite', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');

  const shown = page.getByRole('dialog', { name: `Invite link for ${name}` });
  const field = shown.getByLabel('Invite link');
  await expect(field).toBeFocused();
  const link = await field.inputValue();
  expect(link).toMatch(/\/invite#[\w-]{40,}$/);
  await shown.getByRole('button', { name: 'Copy' }).click();
  await expect(shown.getByText('The invite link is on the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await checkA11y(page);
  await inDarkToo(page);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden();
  const invitedRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  await expect(invitedRow.getByText('Invited', { exact: true })).toBeVisible();

  // The person opens the link in their own browser.
  const guest = await browser.newContext({ locale: 'en-US' });
  try {
    const invitee = await guest.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible();
    await checkA11y(invitee);
    await invitee.emulateMedia({ colorScheme: 'dark' });
    await checkA11y(invitee);
    await invitee.setViewportSize({ width: 360, height: 740 });
    await noSidewaysScroll(invitee);

    const password = `a new password ${stamp}`;
    await invitee.getByLabel('Password', { exact: true }).focus();
    await invitee.keyboard.type(password);
    await invitee.keyboard.press('Tab');
    await invitee.keyboard.type(password);
    await invitee.keyboard.press('Enter');
    await expect(invitee.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
    // On a phone the account sits behind Menu.
    await invitee.getByRole('button', { name: 'Menu' }).click();
    await expect(invitee.getByRole('group', { name: 'Account' }).getByText(name)).toBeVisible();

    // The link worked once: opened again, it is refused.
    await invitee.getByRole('button', { name: 'Sign out' }).click();
    await expect(invitee.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await invitee.goto(link);
    await invitee.getByLabel('Password', { exact: true }).fill(password);
    await invitee.getByLabel('Confirm password').fill(password);
    await invitee.getByRole('button', { name: 'Set password' }).click();
    await expect(invitee.getByRole('alert')).toContainText("This invite link doesn't work");

    // And the password signs them in.
    await invitee.getByRole('link', { name: 'Go to sign in' }).click();
    await invitee.getByLabel('Email', { exact: true }).fill(email);
    await invitee.getByLabel('Password', { exact: true }).fill(password);
    await invitee.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(invitee.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
  } finally {
    await guest.close();
  }

  // The admin sees them active, with a last sign-in.
  await page.reload();
  await expect(invitedRow.getByText('Active', { exact: true })).toBeVisible();
  await expect(invitedRow.getByText('Never')).toHaveCount(0);

  // On a phone the screen still works.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await noSidewaysScroll(page);
  await checkA11y(page);
});

test('an admin creates an integration key, sees it once, and revokes it after asking', async ({ signInAs }) => {
  test.setTimeout(90_000);
  const page = await signInAs('admin');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/sequences');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();
  await expect(page.getByText('Loading integration keys…')).toHaveCount(0);
  await checkA11y(page);
  await inDarkToo(page);

  const keyName = `Mail sync ${Date.now()}`;
  await page.getByRole('button', { name: 'Create key' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'Create key' });
  await expect(form.getByLabel('Name')).toBeFocused();
  await page.keyboard.type(keyName);
  // Tab reaches the chosen scope; the arrow keys move between scopes.
  await page.keyboard.press('Tab');
  await expect(form.getByRole('radio', { name: 'Activity', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(form.getByRole('radio', { name: 'Activity and ingest' })).toBeChecked();
  await checkA11y(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Create', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');

  const shown = page.getByRole('dialog', { name: `Key for ${keyName}` });
  const key = await shown.getByLabel('Key', { exact: true }).inputValue();
  expect(key).toMatch(/^sdk_/);
  await shown.getByRole('button', { name: 'Copy' }).click();
  await expect(shown.getByText('The key is on the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await checkA11y(page);
  await inDarkToo(page);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden();

  // The key authenticates: the activity feed gets past the key check to validating the body.
  const withKey = { headers: { Authorization: `Bearer ${key}` }, data: {} };
  expect((await page.request.post('/api/activity', withKey)).status()).toBe(400);

  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: keyName }) });
  await page.reload();
  await expect(row.getByRole('cell').nth(1)).toHaveText('Activity and ingest');
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  await expect(row.getByText('Never')).toHaveCount(0);

  await row.getByRole('button', { name: `Revoke ${keyName}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Revoke ${keyName}?` });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await checkA11y(page);
  await inDarkToo(page);
  await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Notifications' }).getByText(`${keyName} was revoked.`)).toBeVisible();
  await expect(row.getByText(/^Revoked /)).toBeVisible();
  await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
  expect((await page.request.post('/api/activity', withKey)).status()).toBe(401);

  await page.setViewportSize({ width: 360, height: 740 });
  await noSidewaysScroll(page);
  await checkA11y(page);
});
