import { readFileSync } from 'node:fs';
import { checkA11y, expect, test } from './fixtures';

// The SPA's own not-found screen also has an h1: a deep link must not land there.
const NOT_FOUND = (JSON.parse(readFileSync('src/i18n/locales/en.json', 'utf8')) as { errors: { notFoundTitle: string } })
  .errors.notFoundTitle;

// Every screen reachable from the navigation, each checked with axe once it has loaded.
test('an admin visits every screen and each one is free of axe violations', async ({ signInAs }) => {
  const page = await signInAs('admin');
  await page.goto('/sequences');
  await expect(page.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await checkA11y(page);

  const nav = page.getByRole('navigation').first();
  await nav.getByRole('link', { name: 'Email health', exact: true }).click();
  await expect(page).toHaveURL(/\/email-health$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkA11y(page);

  await nav.getByRole('link', { name: 'Marketing email', exact: true }).click();
  await expect(page).toHaveURL(/\/marketing-email$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkA11y(page);

  await nav.getByRole('link', { name: 'Inboxes', exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/inboxes$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sending inboxes' })).toBeVisible();
  const inboxes = page.getByRole('table', { name: 'Your sending inboxes' });
  await expect(inboxes.or(page.getByRole('heading', { name: 'You have no sending inboxes' }))).toBeVisible();
  await checkA11y(page);

  await nav.getByRole('link', { name: 'Sequences', exact: true }).click();
  const first = page.getByRole('table').getByRole('row').nth(1).getByRole('link').first();
  const name = (await first.textContent())?.trim() ?? '';
  await first.click();
  await expect(page).toHaveURL(/\/sequences\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(NOT_FOUND);
  expect(name).not.toBe('');
  await checkA11y(page);
});

test('the server answers a deep link with the app, which shows the sequence', async ({ signInAs }) => {
  const page = await signInAs('manager');
  const res = await page.goto('/sequences/1');
  expect(res?.status()).toBe(200);
  expect(res?.headers()['content-type']).toMatch(/text\/html/);
  await expect(page).toHaveURL(/\/sequences\/1$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(NOT_FOUND);
  await expect(page.getByRole('link', { name: 'Sequences', exact: true })).toBeVisible();
  await checkA11y(page);
});
