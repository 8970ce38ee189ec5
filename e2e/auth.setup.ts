import { mkdirSync } from 'node:fs';
import { test as setup } from '@playwright/test';
import { AUTH_DIR, ROLES, authFile, expect, signInThroughForm } from './fixtures';

mkdirSync(AUTH_DIR, { recursive: true });

// Sign in once per role through the form; the specs reuse these sessions (signInAs).
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/sign-in');
    await signInThroughForm(page, role);
    await expect(page).toHaveURL(/\/sequences$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
    await page.context().storageState({ path: authFile(role) });
  });
}
