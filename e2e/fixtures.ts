import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_USERS } from '../server/store/seed/demo-users';

export { expect };

export type Role = 'rep' | 'manager' | 'marketer' | 'admin';
export const ROLES: readonly Role[] = ['rep', 'manager', 'marketer', 'admin'];
export const DEMO_PASSWORD = 'demo-password';
export const emailOf = (role: Role) => `${role}@example.com`;

const en = JSON.parse(readFileSync('src/i18n/locales/en.json', 'utf8')) as { roles: Record<Role, string> };

/** The demo user's name as the layout shows it. */
export function userName(role: Role): string {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`No demo user with role ${role}`);
  return user.name;
}

/** The role as the layout shows it, in English. */
export const roleLabel = (role: Role) => en.roles[role];

/** Where auth.setup.ts keeps each role's signed-in browser state: one folder per server port,
 * so runs against different ports (E2E_PORT) never borrow each other's sessions. */
export const AUTH_DIR = `e2e/.auth/${process.env.E2E_PORT ?? 3100}`;
export const authFile = (role: Role) => `${AUTH_DIR}/${role}.json`;

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Signs in through the form, as a person would, and waits for the sequences list. */
export async function signInThroughForm(page: Page, role: Role, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(emailOf(role));
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** What one axe scan may add to its test's time: a scan of a full page takes 1–3 s on a quiet
 * machine and several times that on a busy one. */
const AXE_ALLOWANCE_MS = 15_000;

/** Runs axe on the page once its heading is drawn and fails with one readable line per rule broken.
 * With `targetSize`, the same scan also checks the size of targets (WCAG 2.2 AA, 2.5.8: buttons,
 * links and fields at least 24 × 24 px, or far enough apart), a rule axe leaves off unless asked;
 * a second scan of its own cost about a second per screen. It is for screens at rest: a
 * notification lying over the table's rows makes axe count the flags under it as too small.
 * Each scan extends its test's timeout by its own allowance, so a test's time limit grows with the
 * scans it runs (CI once saw a test of seven scans pass in 16 s and, on a machine running three
 * other test suites, run out of its 30 s in the middle of a scan). */
export async function checkA11y(page: Page, { targetSize = false }: { targetSize?: boolean } = {}): Promise<void> {
  // Scan a drawn page, never the empty shell a lazily loaded screen shows for a moment: every
  // screen has one level-one heading.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const info = base.info();
  info.setTimeout(info.timeout + AXE_ALLOWANCE_MS);
  const axe = new AxeBuilder({ page });
  if (targetSize) axe.options({ rules: { 'target-size': { enabled: true } } });
  const { violations } = await axe.analyze();
  const report = violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ') ?? ''}`)
        .join('\n');
      return `  ${v.id} (${v.impact ?? 'unknown impact'}, ${v.nodes.length} element(s)): ${v.help}\n${nodes}`;
    })
    .join('\n');
  expect(violations.length, `axe found accessibility violations on ${page.url()}:\n${report}`).toBe(0);
}

export const test = base.extend<{
  /** Gives the test's page the session that auth.setup.ts made for `role`. */
  signInAs: (role: Role) => Promise<Page>;
}>({
  // `provide` is Playwright's `use`, renamed so the React hooks lint rule leaves it alone.
  signInAs: async ({ page }, provide) => {
    await provide(async (role) => {
      const state = JSON.parse(await readFile(authFile(role), 'utf8')) as StorageState;
      await page.context().addCookies(state.cookies);
      const storage = state.origins.map((o) => ({ origin: o.origin, items: o.localStorage }));
      if (storage.length) {
        // Restore saved local storage without overwriting what the test itself changes later.
        await page.context().addInitScript((origins) => {
          const mine = origins.find((o) => o.origin === window.location.origin);
          for (const { name, value } of mine?.items ?? []) {
            if (window.localStorage.getItem(name) === null) window.localStorage.setItem(name, value);
          }
        }, storage);
      }
      return page;
    });
  },
});
