// npm run bench:demo: times the zero-install demo in Chromium, as a visitor meets it.
//
//   first visit: a browser with nothing stored opens the demo → the sign-in form is shown
//   sign-in:     the form submitted → the sequences list (the database may still be opening)
//   reload:      signed in on /sequences, the page is reloaded → the sequences list is shown
//                again (or the sign-in form, when the reload lost the session: reported)
//
// Without --url it serves the static demo build (dist-demo/, `npm run build:demo`) with
// `vite preview` on a free port. `--url http://127.0.0.1:5173/` measures a running
// `npm run dev` instead. Prints the p50 of BENCH_RUNS (default 3) runs and writes them to
// bench/results.json under "demo" (or "demoDev" with --url).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHROMIUM = '/usr/bin/chromium';
const TIMEOUT = 120_000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHttp(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

async function startPreview(): Promise<{ url: string; stop: () => void }> {
  if (!existsSync(path.join(ROOT, 'dist-demo', 'index.html'))) {
    throw new Error('No demo build: run `npm run build:demo` first.');
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--mode', 'demo', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url, 30_000);
  return { url, stop: () => void child.kill('SIGTERM') };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main() {
  const given = arg('url');
  const server = given ? { url: given, stop: () => {} } : await startPreview();
  const browser = await chromium.launch({ executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined });
  const firstVisits: number[] = [];
  const reloads: number[] = [];
  const signIns: number[] = [];
  let signedOut = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      // A new context has no IndexedDB, storage or service worker: a first visit.
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT);
      let t0 = performance.now();
      await page.goto(server.url);
      await page.getByLabel('Password', { exact: true }).waitFor();
      const firstVisit = performance.now() - t0;

      await page.getByLabel('Email', { exact: true }).fill('manager@example.com');
      await page.getByLabel('Password', { exact: true }).fill('demo-password');
      t0 = performance.now();
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const list = page.getByRole('heading', { level: 1, name: 'Sequences' });
      await list.waitFor();
      // Includes waiting for the database, when it is still opening behind the form.
      const signIn = performance.now() - t0;

      t0 = performance.now();
      await page.reload();
      // Signed out, the reload shows the form instead of the list: timed too, and reported.
      const stayed = await Promise.race([
        list.waitFor().then(() => true),
        page
          .getByLabel('Password', { exact: true })
          .waitFor()
          .then(() => false),
      ]);
      const reload = performance.now() - t0;
      firstVisits.push(firstVisit);
      signIns.push(signIn);
      reloads.push(reload);
      if (!stayed) signedOut++;
      console.log(
        `run ${run + 1}: first visit ${(firstVisit / 1000).toFixed(2)} s, sign-in ${(signIn / 1000).toFixed(2)} s, reload ${(reload / 1000).toFixed(2)} s${stayed ? '' : ' (signed out)'}`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }

  const result = {
    url: given ? 'npm run dev' : 'npm run preview:demo',
    runs: RUNS,
    firstVisitMs: Math.round(median(firstVisits)),
    signInMs: Math.round(median(signIns)),
    reloadMs: Math.round(median(reloads)),
    reloadsSignedOut: signedOut,
    firstVisitRunsMs: firstVisits.map(Math.round),
    signInRunsMs: signIns.map(Math.round),
    reloadRunsMs: reloads.map(Math.round),
  };
  console.log(`\np50 first visit to the sign-in form: ${(result.firstVisitMs / 1000).toFixed(2)} s`);
  console.log(`p50 sign-in, to the sequences list:  ${(result.signInMs / 1000).toFixed(2)} s`);
  console.log(`p50 reload:                          ${(result.reloadMs / 1000).toFixed(2)} s`);
  if (signedOut) console.log(`signed out by the reload in ${signedOut} of ${RUNS} runs`);

  const file = path.join(ROOT, 'bench', 'results.json');
  const all = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>) : {};
  all[given ? 'demoDev' : 'demo'] = result;
  await writeFile(file, `${JSON.stringify(all, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
