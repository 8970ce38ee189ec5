// The server under load, as people meet it: the real Node server (`server/main.ts`, production
// mode, its own process) on the demo data, driven over HTTP from this process.
//
// - mixed reads: CONNECTIONS clients, each sending the next request as soon as the last one
//   answered, for LOAD_SECONDS; p50 / p99 latency, requests per second, errors;
// - sign-ins: 20 people sign in at once, again and again, while one client asks /api/health
//   every 20 ms; the health check's p99 shows whether password hashing holds up other requests.
//
// On the embedded store always, and on PostgreSQL too when BENCH_DATABASE_URL is set (an empty
// database: the server migrates and seeds it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signIn, startServer, stopServer } from './server';

const CONNECTIONS = 50;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const SIGN_INS_AT_ONCE = 20;

export interface LoadResult {
  store: 'pglite' | 'postgres';
  reads: { requests: number; errors: number; perSecond: number; p50: number; p99: number };
  /** /api/health while sign-ins run, and alone, in ms. */
  healthDuringSignIns: { p50: number; p99: number; signIns: number };
  healthAlone: { p50: number; p99: number };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; ok: boolean }> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    return { ms: performance.now() - t0, ok: res.ok };
  } catch {
    return { ms: performance.now() - t0, ok: false };
  }
}

async function mixedReads(base: string, cookie: string) {
  // What people open most: the list, a summary with its first page and count, email health.
  const paths = [
    '/api/sequences',
    '/api/sequences/1',
    '/api/sequences/1/enrollments?limit=100',
    '/api/sequences/1/enrollments/count',
    '/api/sequences/2',
    '/api/sequences/2/enrollments?limit=100&status=active',
    '/api/email-health',
    '/api/session',
  ];
  const headers = { Cookie: cookie };
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + LOAD_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, client) => {
      for (let i = client; performance.now() < until; i++) {
        const r = await timed(base + paths[i % paths.length]!, { headers });
        latencies.push(r.ms);
        if (!r.ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = sortNum(latencies);
  return { requests: latencies.length, errors, perSecond: latencies.length / seconds, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
}

async function healthWhile(base: string, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  const probe = (async () => {
    while (!done) {
      times.push((await timed(`${base}/api/health`)).ms);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await work();
  done = true;
  await probe;
  return times;
}

async function signInStorm(base: string): Promise<{ health: number[]; signIns: number }> {
  const emails = ['rep@example.com', 'manager@example.com', 'marketer@example.com', 'admin@example.com'];
  let signIns = 0;
  const health = await healthWhile(base, async () => {
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        Array.from({ length: SIGN_INS_AT_ONCE }, async (_, i) => {
          // Twenty people at their own desks: each from an address of their own, as the proxy in
          // front of the server names it (from one address, sign-in throttling would hold most back).
          await signIn(base, emails[i % emails.length]!, `198.51.100.${i + 1}`);
          signIns++;
        }),
      );
    }
  });
  return { health, signIns };
}

/** The load run against this checkout's server, or against another checkout's (`root`: an
 * earlier commit, for a same-run comparison). */
export async function benchLoad(
  store: 'pglite' | 'postgres',
  port: number,
  log: (m: string) => void,
  root?: string,
): Promise<LoadResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sd-load-'));
  const env: Record<string, string> =
    store === 'postgres'
      ? { DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', SEED_DATASET: 'demo' }
      : { DATABASE_URL: '', DATA_DIR: dataDir, SEED_DATASET: 'demo' };
  log(`load (${store}): starting the server and seeding the demo data…`);
  const server = await startServer(env, port, root);
  try {
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base, 'admin@example.com'); // sees every screen
    const alone = sortNum(await healthWhile(base, () => new Promise((r) => setTimeout(r, 2000))));
    log(`load (${store}): ${CONNECTIONS} connections of mixed reads for ${LOAD_SECONDS} s…`);
    const reads = await mixedReads(base, cookie);
    log(`load (${store}): ${SIGN_INS_AT_ONCE} sign-ins at once, three rounds, while /api/health is asked…`);
    const storm = await signInStorm(base);
    const during = sortNum(storm.health);
    return {
      store,
      reads,
      healthDuringSignIns: { p50: quantile(during, 0.5), p99: quantile(during, 0.99), signIns: storm.signIns },
      healthAlone: { p50: quantile(alone, 0.5), p99: quantile(alone, 0.99) },
    };
  } finally {
    await stopServer(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

// Run on its own: npx tsx bench/load.ts
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const results = [await benchLoad('pglite', 3301, console.log)];
  if (process.env.BENCH_DATABASE_URL) results.push(await benchLoad('postgres', 3302, console.log));
  console.log(JSON.stringify(results, null, 2));
}
