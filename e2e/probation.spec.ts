import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkA11y, expect, test } from './fixtures';

type ProbationCatalog = {
  banner: { title: { probation: string }; reviewContacts: string };
  wizard: {
    title: string;
    next: string;
    back: string;
    stepOf: string;
    step1: { title: string };
    step2: { title: string };
    step3: { title: string };
  };
};
const sv = JSON.parse(readFileSync('src/i18n/locales/probation/sv.json', 'utf8')) as ProbationCatalog;

// The demo account is on probation, and there is one review of it per server (the e2e tests
// share one database). So the two walks run one after the other: the Swedish one first, which
// goes through the first steps and back without completing anything, then the English one,
// which completes the review and lifts the probation for good. Other specs that visit
// Marketing email do not depend on the probation being there or not.
test.describe.configure({ mode: 'serial' });

const stepOf = (template: string, step: number) => template.replace('{{step}}', String(step)).replace('{{total}}', '5');

async function openReview(page: Page, name: string, title: string) {
  await page.getByRole('button', { name, exact: true }).click();
  const sheet = page.getByRole('dialog', { name: title });
  await expect(sheet).toBeVisible();
  return sheet;
}

test('a marketer reads the banner and the first steps of the review in Swedish', async ({ signInAs }) => {
  const page = await signInAs('marketer');
  await page.addInitScript(() => window.localStorage.setItem('sd.lang', 'sv'));
  await page.goto('/marketing-email');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('region', { name: sv.banner.title.probation })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await checkA11y(page);

  const sheet = await openReview(page, sv.banner.reviewContacts, sv.wizard.title);
  await expect(sheet.getByText(stepOf(sv.wizard.stepOf, 1))).toBeVisible();
  await expect(sheet.getByRole('heading', { name: sv.wizard.step1.title })).toBeVisible();
  await checkA11y(page);
  await sheet.getByRole('button', { name: sv.wizard.next, exact: true }).click();
  await expect(sheet.getByRole('heading', { name: sv.wizard.step2.title })).toBeFocused();
  await checkA11y(page);
  await sheet.getByRole('button', { name: sv.wizard.next, exact: true }).click();
  await expect(sheet.getByRole('heading', { name: sv.wizard.step3.title })).toBeFocused();
  await expect(sheet.getByText(stepOf(sv.wizard.stepOf, 3))).toBeVisible();
  await checkA11y(page);

  // Back to the start, so that the English walk begins at step 1 (the step is saved).
  await sheet.getByRole('button', { name: sv.wizard.back, exact: true }).click();
  await expect(sheet.getByRole('heading', { name: sv.wizard.step2.title })).toBeFocused();
  await sheet.getByRole('button', { name: sv.wizard.back, exact: true }).click();
  await expect(sheet.getByRole('heading', { name: sv.wizard.step1.title })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('button', { name: sv.banner.reviewContacts, exact: true })).toBeFocused();
});

test('a marketer walks the review in English, reloads midway, removes contacts and lifts the probation', async ({ signInAs }) => {
  test.setTimeout(60_000);
  const page = await signInAs('marketer');
  await page.goto('/marketing-email');
  const banner = page.getByRole('region', { name: 'Marketing email is on probation' });
  await expect(banner).toContainText('Level: Probation');
  await expect(banner).toContainText(/Hard bounce rate (is|was) [\d.]+%/);
  await checkA11y(page);

  let sheet = await openReview(page, 'Review contacts', 'Review contacts');
  await expect(sheet.getByText('Step 1 of 5')).toBeVisible();
  await expect(sheet.getByRole('heading', { name: 'What the probation means' })).toBeVisible();
  await checkA11y(page);
  await sheet.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(sheet.getByRole('heading', { name: 'The consent your contacts must have given' })).toBeFocused();
  await checkA11y(page);
  await sheet.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(sheet.getByRole('heading', { name: 'Three ways to avoid emailing contacts without consent' })).toBeFocused();
  await checkA11y(page);

  // A reload picks up at the same step: the progress lives on the server.
  await page.reload();
  sheet = await openReview(page, 'Review contacts', 'Review contacts');
  await expect(sheet.getByText('Step 3 of 5')).toBeVisible();
  await sheet.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(sheet.getByRole('heading', { name: 'Review your marketing contacts' })).toBeFocused();
  await expect(sheet.getByText('Step 4 of 5')).toBeVisible();

  await sheet.getByRole('radio', { name: /^Invalid address/ }).check({ force: true });
  const table = sheet.getByRole('table', { name: 'Marketing contacts' });
  await expect(table.getByRole('row').nth(1)).toContainText(/Invalid|Bounced|Role-based/);
  await checkA11y(page);
  await table.getByRole('row').nth(1).getByRole('checkbox').check();
  await table.getByRole('row').nth(2).getByRole('checkbox').check();
  await expect(sheet.getByRole('status').filter({ hasText: 'selected' })).toHaveText('2 contacts selected');
  await sheet.getByRole('button', { name: 'Remove from marketing' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove 2 contacts from marketing?' });
  await expect(confirm).toContainText('Nothing is deleted.');
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(sheet.getByText('2 contacts removed from marketing.')).toBeVisible();
  await expect(sheet.getByText('2 contacts removed during this review.')).toBeVisible();

  await sheet.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(sheet.getByRole('heading', { name: 'Confirm your review' })).toBeFocused();
  const done = sheet.getByRole('button', { name: 'Done', exact: true });
  await expect(done).toBeDisabled();
  await checkA11y(page);
  await sheet.getByRole('checkbox', { name: 'I have reviewed my contacts for email marketing' }).check();
  await expect(done).toBeEnabled();
  await done.click();

  await expect(sheet).toBeHidden();
  await expect(page.getByText(/no longer under watch/)).toBeVisible();
  await expect(banner).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Marketing email' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('region', { name: /probation|suspended/ })).toHaveCount(0);
  await checkA11y(page);
});
