// Import contacts (issue 10): 50,000 rows sent as the browser sends them, in batches of 1,000
// one after the other, each with its own Idempotency-Key. Reports the whole import's time, each
// batch's, the event loop's delay meanwhile, and how long a Contacts page read waited while the
// import ran. Then the same file again (every row unchanged), which is the update path.
//
//   npx tsx bench/contacts-import.ts                       (embedded PGlite, demo data)
//   DATABASE_URL=postgres://… npx tsx bench/contacts-import.ts   (an empty PostgreSQL database:
//                                                            migrated and seeded with demo first)
//
// Wired into `npm run bench` by bench/run.ts, on the demo database.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { batchRows, matchColumns, planImport, type ImportContactRow } from '../src/domain/contact-import';
import { createApp } from '../server/app';
import type { Db } from '../server/store/db';
import { signInAs, type RequestApp } from '../server/test-utils';

export interface ImportBenchResult {
  rows: number;
  batches: number;
  /** Parsing the CSV text and checking every row, as the browser does (milliseconds). */
  parseMs: number;
  totalMs: number;
  batchP50Ms: number;
  batchMaxMs: number;
  /** The same file a second time: every row found and unchanged. */
  replayTotalMs: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  /** A Contacts page read while the import ran. */
  readP50Ms: number;
  readMaxMs: number;
  counts: { created: number; updated: number; unchanged: number };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] ?? 0;
};

/** A CSV file of `n` contacts, a tenth of them at one of 500 companies. */
export function contactsCsv(n: number, tag: string): string {
  const lines = ['Email,First name,Last name,Company,Consent'];
  for (let i = 0; i < n; i++) {
    lines.push(`person${i}.${tag}@bench.example,Person,Number ${i},${i % 10 === 0 ? `Bench Company ${i % 500}` : ''},${i % 3 ? 'implied' : 'explicit'}`);
  }
  return lines.join('\n');
}

export async function benchContactImport(app: RequestApp, options: { rows?: number; tag?: string } = {}): Promise<ImportBenchResult> {
  const n = options.rows ?? 50_000;
  const tag = options.tag ?? `b${Date.now()}`;
  const { headers } = await signInAs(app, 'marketer@example.com');
  const csv = contactsCsv(n, tag);

  const t0 = performance.now();
  const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: 'greedy' });
  const [head, ...lines] = parsed.data;
  const plan = planImport(lines, matchColumns(head ?? []));
  const parseMs = performance.now() - t0;
  if (plan.rows.length !== n) throw new Error(`expected ${n} good rows, got ${plan.rows.length}`);
  const batches = batchRows(plan.rows);

  const send = async (rows: ImportContactRow[]) => {
    const res = await app.request('/api/contacts/import', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ rows }),
    });
    if (res.status !== 200) throw new Error(`import → ${res.status} ${await res.text()}`);
    return (await res.json()) as { created: number; updated: number; unchanged: number };
  };

  // A reader who opens the Contacts page every 50 ms while the import runs.
  const reads: number[] = [];
  let importing = true;
  const reader = (async () => {
    while (importing) {
      const r0 = performance.now();
      const res = await app.request('/api/contacts?limit=50', { headers: { Cookie: headers.Cookie } });
      if (res.status !== 200) throw new Error(`read → ${res.status}`);
      await res.arrayBuffer();
      reads.push(performance.now() - r0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const times: number[] = [];
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const i0 = performance.now();
  for (const batch of batches) {
    const b0 = performance.now();
    const answer = await send(batch);
    times.push(performance.now() - b0);
    counts.created += answer.created;
    counts.updated += answer.updated;
    counts.unchanged += answer.unchanged;
  }
  const totalMs = performance.now() - i0;
  loop.disable();
  importing = false;
  await reader;

  const r0 = performance.now();
  for (const batch of batches) await send(batch);
  const replayTotalMs = performance.now() - r0;

  return {
    rows: n,
    batches: batches.length,
    parseMs,
    totalMs,
    batchP50Ms: percentile(times, 50),
    batchMaxMs: Math.max(...times),
    replayTotalMs,
    eventLoopP99Ms: loop.percentile(99) / 1e6,
    eventLoopMaxMs: loop.max / 1e6,
    readP50Ms: percentile(reads, 50),
    readMaxMs: Math.max(0, ...reads),
    counts,
  };
}

async function openDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) return (await import('../server/store/test-db')).openSeededDb();
  const { openPostgres } = await import('../server/store/postgres-db');
  const { migrate } = await import('../server/store/migrate');
  const { seed } = await import('../server/store/seed/seed');
  const db = openPostgres(url);
  await migrate(db);
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if (!row?.n) await seed(db, { dataset: 'demo' });
  return db;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const db = await openDb();
  const app = createApp({ db, version: 'bench' });
  const r = await benchContactImport(app);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`Import contacts, ${r.rows.toLocaleString('en')} rows in ${r.batches} batches (${db.kind})`);
  console.log(`  parse and check in the browser's code: ${ms(r.parseMs)}`);
  console.log(`  import: ${ms(r.totalMs)} (${(r.rows / (r.totalMs / 1000)).toFixed(0)} rows/s), batch p50 ${ms(r.batchP50Ms)}, max ${ms(r.batchMaxMs)}`);
  console.log(`  counts: created ${r.counts.created}, updated ${r.counts.updated}, unchanged ${r.counts.unchanged}`);
  console.log(`  same file again (all unchanged): ${ms(r.replayTotalMs)}`);
  console.log(`  event loop delay during the import: p99 ${ms(r.eventLoopP99Ms)}, max ${ms(r.eventLoopMaxMs)}`);
  console.log(`  a Contacts page read meanwhile: p50 ${ms(r.readP50Ms)}, max ${ms(r.readMaxMs)}`);
  await db.close();
}
