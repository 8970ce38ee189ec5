import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD, emailOf, expect, signInThroughForm, test, userName } from './fixtures';

// Issue 10, through the screens: the demo dataset loaded into an empty server with
// `npm run seed -- --via-api` (the public API only) shows the admin what a server seeded directly
// shows. Two servers of this spec's own, not the suite's shared one (other specs change its
// data): one seeded on its first start (SEED_DATASET=demo), one started empty (SEED_DATASET=none)
// and fed the way an operator would: the first admin made with `npm run user:create`, an ingest
// key made on the Integrations screen, then the seed command. Then the same admin, signed in on
// each, must read the same text on every page compared. Ids differ between the servers, so pages
// are reached by names and links.
//
// The generator's data depends on the moment it is "as of" (not only shifted by it): the seed
// command generates as of the moment the direct server logged for its own seeding (`--now`).

const SERVER_ENV = {
  HOST: '127.0.0.1',
  DATABASE_URL: '',
  SECURE_COOKIES: 'false',
  NODE_ENV: 'test',
  // The shared server has built dist/ by the time tests run: never build beside it.
  SKIP_BUILD: 'true',
  HOUSEKEEPING_INTERVAL_MINUTES: '0',
};

/** Everything this spec started or made, so that it can be undone even when a step fails. */
const started: ChildProcess[] = [];
const folders: string[] = [];
const contexts: BrowserContext[] = [];

/** Signals the process group of a child this spec started (npm, its shell, the server); false
 * when the group is gone. Signal 0 only asks. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  try {
    if (child.pid) process.kill(-child.pid, signal);
    return !!child.pid;
  } catch {
    return false;
  }
}
// Should the worker exit without its hooks (interrupted), take the servers with it.
process.on('exit', () => started.forEach((child) => signalGroup(child, 'SIGKILL')));

/** Stops a process group: TERM, and time for the server to close its store (npm itself exits at
 * once), then KILL whatever lingers. */
async function stop(child: ChildProcess): Promise<void> {
  if (!signalGroup(child, 'SIGTERM')) return;
  const deadline = Date.now() + 10_000;
  while (signalGroup(child, 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  signalGroup(child, 'SIGKILL');
}

test.afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await Promise.all(started.splice(0).map(stop));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Starts `npm <args>` in a process group of its own, collecting its output. */
function npm(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn('npm', args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Runs a command to its end; fails with its output unless it exits with 0. */
async function run(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { child, output } = npm(args, env);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, `npm ${args.join(' ')}:\n${output()}`).toBe(0);
  return output();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Server {
  url: string;
  output: () => string;
}

/** `npm start` on a free port and `dataDir`, as the suite's webServer starts, ready once its
 * health check answers (after the first start's seeding, if any). */
async function startServer(dataDir: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child, output } = npm(['start'], { ...SERVER_ENV, PORT: String(port), DATA_DIR: dataDir, ...env });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server on ${url} exited (${child.exitCode}):\n${output()}`);
    if (Date.now() > deadline) throw new Error(`The server on ${url} did not answer its health check in 90 s:\n${output()}`);
    const ok = await fetch(`${url}/api/health`).then((res) => res.ok, () => false);
    if (ok) return { url, output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A page signed in as the demo admin on `url`. */
async function adminPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signInThroughForm(page, 'admin');
  await expect(page).toHaveURL(/\/sequences$/);
  return page;
}

/** The on-screen text of `locator` once its page has stopped loading: nothing busy, no spinner,
 * the same text twice in a row. */
async function settledText(locator: Locator): Promise<string> {
  const page = locator.page();
  let last: string | null = null;
  await expect
    .poll(
      async () => {
        const busy = (await page.locator('[aria-busy="true"]').count()) + (await page.locator('.loading').count());
        const text = await locator.innerText();
        const steady = busy === 0 && text === last;
        last = text;
        return steady;
      },
      { timeout: 20_000, intervals: [200] },
    )
    .toBe(true);
  return last ?? '';
}

/** Runs `read` on both pages at once (so time-of-day dependent pages are read at the same
 * moment) and expects the loaded server to show what the direct one shows. */
async function same<T>(what: string, pages: { direct: Page; loaded: Page }, read: (page: Page) => Promise<T>): Promise<T> {
  const [direct, loaded] = await Promise.all([read(pages.direct), read(pages.loaded)]);
  expect(loaded as unknown, `${what}: the loaded server shows what the directly seeded one shows`).toEqual(direct);
  return direct;
}

test('the demo dataset loaded through the API looks the same to the admin as the demo seeded directly', async ({ browser }) => {
  // 1.5–2.5 minutes: the seed command alone takes 30–85 s on a busy machine with two CPUs.
  test.setTimeout(240_000);
  const directDir = mkdtempSync(join(tmpdir(), 'sd-e2e-direct-'));
  const loadedDir = mkdtempSync(join(tmpdir(), 'sd-e2e-loaded-'));
  folders.push(directDir, loadedDir);

  const [direct, loaded] = await test.step('a server seeded on its first start, and an empty one with its first admin', () =>
    Promise.all([
      // Info level: its log names the moment its demo data is "as of".
      startServer(directDir, { SEED_DATASET: 'demo', LOG_LEVEL: 'info' }),
      (async () => {
        // An operator's first step on an empty PGlite server, before it runs (it holds the folder).
        const user = ['--email', emailOf('admin'), '--name', userName('admin'), '--role', 'admin', '--data-dir', loadedDir];
        await run(['run', 'user:create', '--', ...user], { DATABASE_URL: '', SD_PASSWORD: DEMO_PASSWORD });
        return startServer(loadedDir, { SEED_DATASET: 'none', LOG_LEVEL: 'warn' });
      })(),
    ]),
  );
  const asOf = /Seeded the demo data \(.*, as of (\S+)\)/.exec(direct.output())?.[1] ?? '';
  expect(asOf, `the direct server's log names the moment of its data:\n${direct.output()}`).not.toBe('');

  const loadedPage = await adminPage(browser, loaded.url);
  const key = await test.step('the admin makes an ingest key on the Integrations screen', async () => {
    const page = loadedPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations', exact: true }).click();
    await page.getByRole('button', { name: 'Create key' }).click();
    const form = page.getByRole('dialog', { name: 'Create key' });
    await form.getByLabel('Name').fill('Demo data');
    await form.getByRole('radio', { name: 'Ingest', exact: true }).check();
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    const shown = page.getByRole('dialog', { name: 'Key for Demo data' });
    const value = await shown.getByLabel('Key', { exact: true }).inputValue();
    expect(value).toMatch(/^sdk_/);
    await shown.getByRole('button', { name: 'Done' }).click();
    return value;
  });

  // Meanwhile the admin signs in to the direct server.
  const [seedOutput, directPage] = await test.step('npm run seed -- --dataset demo --via-api', () =>
    Promise.all([
      run(['run', 'seed', '--', '--dataset', 'demo', '--via-api', loaded.url, '--key', key, '--now', asOf]),
      adminPage(browser, direct.url),
    ]),
  );
  expect(seedOutput).toContain(`data as of ${new Date(asOf).toISOString()}`);
  const pages = { direct: directPage, loaded: loadedPage };
  const table = (page: Page) => page.getByRole('main').getByRole('table');

  const rows = await test.step('the sequences list, every row', async () => {
    const shown = await same('The sequences list', pages, async (page) => {
      await page.goto('/sequences');
      await expect(table(page).getByRole('link').first()).toBeVisible();
      await settledText(table(page));
      return (await table(page).getByRole('row').allInnerTexts()).map((row) => row.split('\t').map((cell) => cell.trim()));
    });
    expect(shown.length).toBeGreaterThan(10);
    return shown;
  });

  // All twenty take ~40 s on a busy machine: the first by name, and the ones with the most and
  // the fewest active enrollments, the most errors and the best meeting rate (the list has
  // compared every row's figures).
  const [header = [], ...body] = rows;
  const column = (name: string) => header.indexOf(name);
  expect([column('Active enrollments'), column('Errors'), column('Meeting rate')], header.join(' | ')).not.toContain(-1);
  const top = (name: string, order: 1 | -1) => {
    const figure = (row: string[]) => Number((row[column(name)] ?? '').replace(/[^\d.]/g, ''));
    return [...body].sort((a, b) => order * (figure(b) - figure(a)))[0]?.[0] ?? '';
  };
  const names = [...new Set([body[0]?.[0] ?? '', top('Active enrollments', 1), top('Active enrollments', -1), top('Errors', 1), top('Meeting rate', 1)])];
  expect(names.length).toBeGreaterThanOrEqual(3);

  await test.step(`the summaries of ${names.join(', ')}: header, figures, errors by code`, async () => {
    for (const name of names) {
      await same(`The summary of "${name}"`, pages, async (page) => {
        await table(page).getByRole('link', { name, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
        // The header, the figures and the error summary come with the sequence, all at once.
        const errors = page.getByRole('region', { name: 'Errors in this sequence' });
        await expect(errors).toBeVisible();
        const seen = {
          header: await page.locator('.page-header').innerText(),
          figures: await page.locator('dl.figures').innerText(),
          errors: await errors.innerText(),
        };
        await page.getByRole('link', { name: 'Back to sequences' }).click();
        await expect(table(page).getByRole('link', { name, exact: true })).toBeVisible();
        return seen;
      });
    }
  });

  await test.step('email health, both periods, with its probation notice', async () => {
    for (const [path, period] of [
      ['/email-health', '28 full days'],
      ['/email-health?window=90d&granularity=week', '88 full days'],
    ] as const) {
      const text = await same(`Email health (${path})`, pages, async (page) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: 'Email health' })).toBeVisible();
        await expect(page.getByText('By mailbox provider')).toBeVisible();
        return settledText(page.getByRole('main'));
      });
      expect(text).toContain(period);
      expect(text).toContain('Marketing email is on probation');
    }
  });

  await test.step('the probation as Marketing email shows it, with the emails it holds back', async () => {
    await same('Marketing email', pages, async (page) => {
      await page.goto('/marketing-email');
      await expect(page.getByRole('region', { name: 'Marketing email is on probation' })).toContainText('Level: Probation');
      await expect(page.getByRole('table')).toBeVisible();
      return settledText(page.getByRole('main'));
    });
  });

  await test.step("needs attention, with the send forecast in the account's time zone", async () => {
    const text = await same('Needs attention', pages, async (page) => {
      await page.goto('/attention');
      await expect(page.getByRole('region', { name: 'Send forecast' })).toBeVisible();
      return settledText(page.getByRole('main'));
    });
    expect(text).toContain("Days in the account's time zone (Europe/Stockholm).");
  });
});
