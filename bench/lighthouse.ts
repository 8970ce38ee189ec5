// Lighthouse on the production build as a phone meets it: the real server (bench/server.ts) on
// the demo data, Lighthouse's default mobile preset (a mid-range phone, simulated slow 4G and a
// 4× slower CPU), run on the sign-in page and, signed in, on a sequence summary. Simulated
// throttling computes the timings from what the page loads and runs, so the scores hold steadier
// than wall-clock timings on a busy machine; the median of RUNS runs is kept.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { signIn, startServer, stopServer } from './server';

const CHROMIUM = '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

export interface LighthousePage {
  name: string;
  path: string;
  /** Category scores, 0–1, and the metrics behind performance, in ms (median run by performance). */
  performance: number;
  accessibility: number;
  bestPractices: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  firstContentfulPaintMs: number;
  /** Every run's performance score, for the spread. */
  performanceRuns: number[];
  goals: { performance: number; accessibility: number; bestPractices: number };
}

interface Page {
  name: string;
  path: string;
  signedIn: boolean;
  goals: LighthousePage['goals'];
}

const PAGES: Page[] = [
  { name: 'sign-in', path: '/sign-in', signedIn: false, goals: { performance: 0.95, accessibility: 1, bestPractices: 0.95 } },
  { name: 'sequence summary', path: '/sequences/1', signedIn: true, goals: { performance: 0.9, accessibility: 1, bestPractices: 0.95 } },
];

async function audit(port: number, url: string, cookie: string | null) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.code} ${runtimeError.message}`);
  const score = (id: string) => categories[id]?.score ?? NaN;
  const ms = (id: string) => Math.round(audits[id]?.numericValue ?? NaN);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    largestContentfulPaintMs: ms('largest-contentful-paint'),
    totalBlockingTimeMs: ms('total-blocking-time'),
    firstContentfulPaintMs: ms('first-contentful-paint'),
  };
}

export async function benchLighthouse(port: number, log: (m: string) => void): Promise<LighthousePage[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sd-lighthouse-'));
  log('lighthouse: starting the server on the demo data…');
  const server = await startServer({ DATABASE_URL: '', DATA_DIR: dataDir, SEED_DATASET: 'demo' }, port);
  const chrome = await chromeLauncher.launch({
    chromePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base, 'manager@example.com');
    const pages: LighthousePage[] = [];
    for (const page of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        log(`lighthouse: ${page.name}, run ${i + 1} of ${RUNS}…`);
        runs.push(await audit(chrome.port, base + page.path, page.signedIn ? cookie : null));
      }
      runs.sort((a, b) => a.performance - b.performance);
      const median = runs[Math.floor(runs.length / 2)]!;
      pages.push({ name: page.name, path: page.path, ...median, performanceRuns: runs.map((r) => r.performance), goals: page.goals });
    }
    return pages;
  } finally {
    chrome.kill();
    await stopServer(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

// Run on its own: npx tsx bench/lighthouse.ts
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(JSON.stringify(await benchLighthouse(3303, console.log), null, 2));
}
