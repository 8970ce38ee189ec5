import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const CI = !!process.env.CI;
const PORT = Number(process.env.E2E_PORT ?? 3100);
// 127.0.0.1, not localhost: Node may resolve localhost to ::1 while the server listens on IPv4.
const BASE_URL = `http://127.0.0.1:${PORT}`;

// Playwright can't download browsers on every machine; use Debian's Chromium where it is.
const CHROMIUM = '/usr/bin/chromium';
const executablePath = existsSync(CHROMIUM) ? CHROMIUM : undefined;

// One fresh data folder per run. This file is also loaded by every worker: the runner sets
// E2E_DATA_DIR first and the workers inherit it, so only the runner prepares the folder.
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = join('.cache', `e2e-data-${process.pid}`);
  removeStaleDataDirs();
  rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
  mkdirSync('.cache', { recursive: true });
}
const DATA_DIR = process.env.E2E_DATA_DIR;

/** Data folders of earlier runs whose runner has exited (a run in progress keeps its own). */
function removeStaleDataDirs() {
  if (!existsSync('.cache')) return;
  for (const name of readdirSync('.cache')) {
    const pid = Number(/^e2e-data-(\d+)$/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    rmSync(join('.cache', name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: CI,
  // No retries, in CI either: a test that passes only on its second try is a bug to mend, and a
  // retry would hide it.
  retries: 0,
  // One worker per two cores, Playwright's own default. Each worker drives a Chromium while the
  // shared server (and one spec's own two servers) run beside it. Two workers on two cores made
  // each test two to three times slower than one worker did, and the longest overran its time
  // limit: the comparison of the demo loaded through the API took over 240 s beside the other
  // worker and 96 s alone. The whole e2e run was no faster with two.
  workers: Math.max(1, Math.floor(availableParallelism() / 2)),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.E2E_JSON_REPORT ?? join('.cache', 'e2e-report.json') }],
  ],
  use: {
    baseURL: BASE_URL,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: { executablePath },
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath } },
      dependencies: ['setup'],
    },
  ],
  webServer: {
    // The first start builds the SPA (when dist/ is stale) and seeds the demo data.
    command: 'npm start',
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: !CI,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR,
      DATABASE_URL: '',
      SEED_DATASET: 'demo',
      SECURE_COOKIES: 'false',
      NODE_ENV: 'test',
      // Failures only: a line per request would bury the test report.
      LOG_LEVEL: 'warn',
    },
  },
});
