// Databases for tests. Seeding the demo data takes several seconds; loading a saved PGlite
// data directory about one, no more than starting an empty PGlite. So the demo database is
// seeded once into a snapshot file (src/test/global-setup.ts does it before the tests start)
// and every test opens a fresh, private copy of it. Node only: used by API tests (node) and
// component tests (jsdom).

import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Db } from './db';
import { LOCKS } from './locks';
import { migrate } from './migrate';
import { createPglite, wrapPglite } from './pglite-db';
import { sourceHash } from './source-hash';
import { openPostgres } from './postgres-db';
import { seed, type SeedStats } from './seed/seed';

/** The seed number of the test snapshot. */
export const TEST_SEED = 42;

/**
 * The moment the test data is generated for. Fixed, so that the data is the same on every
 * machine and on every day: the seed places events, schedules and errors relative to its
 * `now`, and data generated at another time is other data. Test set-up runs the clock from
 * here (src/test/clock.ts), so the app and the data agree on what "now" is.
 */
export const TEST_NOW = new Date('2026-11-22T22:02:04.000Z');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE_DIR = path.join(ROOT, '.cache', 'test-db');

/** What decides the snapshot's content: when one of these changes, it is rebuilt. */
const SOURCES = [
  'server/store/migrations',
  'server/store/migrate.ts',
  'server/store/seed',
  'server/sessions/passwords.ts',
  // The seed reads and writes the account, its health figures and its probation through these.
  'server/account/store.ts',
  'server/email-health/store.ts',
  'server/probation/store.ts',
  'server/store/pglite-db.ts',
  'server/store/test-db.ts',
];

export interface DemoSnapshot {
  /** The gzipped PGlite data directory. */
  file: string;
  seed: number;
  /** The `now` the demo data was generated for. Tests that depend on time (scheduled steps,
   * the last 30 days) should run the app with a clock fixed here. */
  now: Date;
  stats: SeedStats;
}

let pendingSnapshot: Promise<DemoSnapshot> | undefined;
const tars = new Map<string, Promise<Buffer>>();

/** The demo snapshot, built now if it is missing (e.g. when tests run without the global setup). */
export function demoSnapshot(): Promise<DemoSnapshot> {
  if (!pendingSnapshot) {
    const pending = ensureSnapshot();
    pendingSnapshot = pending;
    pending.catch(() => {
      if (pendingSnapshot === pending) pendingSnapshot = undefined;
    });
  }
  return pendingSnapshot;
}

/** A clock stopped at the demo data's `now`: `createApp({ db, clock: await demoClock() })`. */
export async function demoClock(): Promise<{ now(): Date }> {
  const { now } = await demoSnapshot();
  return { now: () => new Date(now) };
}

/** A fresh in-memory PGlite, migrated and seeded with the demo dataset (seed 42). */
export async function openSeededDb(): Promise<Db> {
  const { file } = await demoSnapshot();
  // Unzipped once per process: half of loading a gzipped snapshot is unzipping it.
  let data = tars.get(file);
  if (!data) tars.set(file, (data = readFile(file).then((gz) => promisify(gunzip)(gz))));
  const tar = await data;
  // PGlite reads only the type (to decide whether to decompress) and the bytes. A Blob would
  // copy the 90 MB twice, in small pieces, and keep the collector busy: handing over one copy of
  // the unzipped bytes opens the database in about 0.65 s instead of 0.9 to 1.4 s.
  const tarball = {
    type: 'application/x-tar',
    arrayBuffer: async () => tar.buffer.slice(tar.byteOffset, tar.byteOffset + tar.byteLength),
  };
  const pg = await createPglite({ loadDataDir: tarball as unknown as Blob });
  return wrapPglite(pg);
}

/** Builds the snapshot if it is missing. For the global setup: returns what it did. */
export async function prepareTestSnapshots(): Promise<{ demo: DemoSnapshot; built: boolean; ms: number }> {
  const started = performance.now();
  const before = await readMeta(snapshotPath());
  const demo = await demoSnapshot();
  await pruneOldSnapshots();
  return { demo, built: !before, ms: Math.round(performance.now() - started) };
}

async function ensureSnapshot(): Promise<DemoSnapshot> {
  const base = snapshotPath();
  const ready = await readMeta(base);
  if (ready) return ready;

  await mkdir(CACHE_DIR, { recursive: true });
  // Another process (the other Vitest project, a parallel run) may be building the same
  // snapshot: wait for it rather than build it twice, unless its lock looks abandoned.
  const lock = `${base}.lock`;
  for (;;) {
    try {
      await (await open(lock, 'wx')).close();
      break;
    } catch {
      const done = await readMeta(base);
      if (done) return done;
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > 120_000) await rm(lock, { force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    const done = await readMeta(base);
    if (done) return done;
    return await build(base);
  } finally {
    await rm(lock, { force: true });
  }
}

async function build(base: string): Promise<DemoSnapshot> {
  // Without recycling, a checkpoint deletes the WAL the seed wrote instead of keeping it for
  // reuse: the snapshot halves and loads twice as fast.
  const pg = await createPglite({ postgresqlconf: ['wal_recycle = off', 'min_wal_size = 32MB'] });
  const db = wrapPglite(pg);
  try {
    await migrate(db);
    const stats = await seed(db, { dataset: 'demo', seed: TEST_SEED, now: TEST_NOW });
    await db.exec('CHECKPOINT');
    const dump = await pg.dumpDataDir('gzip');
    const tmp = `${base}.${process.pid}.tmp`;
    await writeFile(tmp, new Uint8Array(await dump.arrayBuffer()));
    await rename(tmp, `${base}.tar.gz`);
    const meta = { seed: TEST_SEED, now: stats.now, stats };
    // The metadata file is written last: its presence means the snapshot is complete.
    await writeFile(`${tmp}.json`, JSON.stringify(meta, null, 2));
    await rename(`${tmp}.json`, `${base}.json`);
    return (await readMeta(base)) as DemoSnapshot;
  } finally {
    await db.close();
  }
}

async function readMeta(base: string): Promise<DemoSnapshot | null> {
  try {
    const meta = JSON.parse(await readFile(`${base}.json`, 'utf8')) as { seed: number; now: string; stats: SeedStats };
    await stat(`${base}.tar.gz`);
    return { file: `${base}.tar.gz`, seed: meta.seed, now: new Date(meta.now), stats: meta.stats };
  } catch {
    return null;
  }
}


/** Taken when this module loads, together with the code it describes: hashed later, a file
 * edited in between would name a snapshot built by the old code. */
const SOURCE_HASH = sourceHash(ROOT, SOURCES);

function snapshotPath(): string {
  return path.join(CACHE_DIR, `demo-${SOURCE_HASH}`);
}

/** Snapshots of other sources younger than this may belong to a run still going in another
 * working state of the code (two test runs side by side); older ones are removed. */
const PRUNE_AFTER_MS = 6 * 60 * 60 * 1000;

/** Removes snapshots of older sources, so the cache does not grow with every change. */
async function pruneOldSnapshots(): Promise<void> {
  const keep = path.basename(snapshotPath());
  for (const name of await readdir(CACHE_DIR).catch(() => [] as string[])) {
    const base = name.replace(/\.(tar\.gz|json|lock)$/, '');
    if (!/^(demo|empty)-[0-9a-f]{16}$/.test(base) || base === keep) continue;
    const file = path.join(CACHE_DIR, name);
    const modified = await stat(file).then((s) => s.mtimeMs, () => 0);
    if (Date.now() - modified > PRUNE_AFTER_MS) await rm(file, { force: true });
  }
}

/**
 * A schema of its own on a real PostgreSQL (TEST_DATABASE_URL), so runs side by side never
 * meet: `open()` gives a fresh, empty (not migrated) database in it; `cleanup()` drops it.
 */
export function postgresTestSchema(url: string, prefix = 't'): { open(): Promise<Db>; cleanup(): Promise<void> } {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(url, 1);
  const scoped = new URL(url);
  // `public` stays on the path for extensions a migration may create there.
  scoped.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    async open() {
      // The extensions the migrations use, in public: created from a test schema they would
      // land in it, be invisible to the other schemas, and vanish when it is dropped. Under
      // the schema lock, since several test files may get here at once.
      await admin.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.schema]);
        await tx.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; CREATE EXTENSION IF NOT EXISTS btree_gin SCHEMA public');
      });
      await admin.exec(`CREATE SCHEMA ${schema}`);
      return openPostgres(scoped.toString(), 4);
    },
    async cleanup() {
      await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    },
  };
}
