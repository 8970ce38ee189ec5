// The demo's database, prebuilt: the migrated, demo-seeded PGlite data directory as a gzipped
// tarball that the page opens with `loadDataDir` instead of seeding itself (seconds instead of
// twenty). The Vite plugin (scripts/vite-demo-database.ts) runs this for `npm run dev` and
// `npm run build:demo` when the cache (.cache/demo-db) has none recent enough for the code.
//
//   npx tsx scripts/demo-snapshot.ts [--now ISO] [--out FILE]
//
// Without --out it writes to the cache, and drops older tarballs there.
import { readdirSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { migrate } from '../server/store/migrate';
import { createPglite, wrapPglite } from '../server/store/pglite-db';
import { seed } from '../server/store/seed/seed';
import {
  DEMO_CACHE_DIR,
  cacheMetaFile,
  cachedSnapshotFile,
  demoSourceHash,
  snapshotId,
  snapshotNow,
  type DemoSnapshot,
} from './demo-snapshot-cache';

/** Migrates and seeds a fresh PGlite with the demo data as of `now` and writes its data
 * directory, gzipped, to `file` (default: the cache). */
export async function buildDemoSnapshot(options: { now?: Date; file?: string } = {}): Promise<DemoSnapshot> {
  const hash = demoSourceHash();
  const now = snapshotNow(options.now);
  const id = snapshotId(hash, now);
  const file = options.file ?? cachedSnapshotFile(id);
  // Without recycling, a checkpoint drops the WAL the seed wrote instead of keeping it for
  // reuse: the tarball halves and loads twice as fast.
  const pg = await createPglite({ postgresqlconf: ['wal_recycle = off', 'min_wal_size = 32MB'] });
  const db = wrapPglite(pg);
  try {
    await migrate(db);
    await seed(db, { dataset: 'demo', now });
    await db.exec('VACUUM ANALYZE');
    await db.exec('CHECKPOINT');
    const dump = await pg.dumpDataDir('gzip');
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, new Uint8Array(await dump.arrayBuffer()));
    await rename(tmp, file);
  } finally {
    await db.close();
  }
  const snapshot: DemoSnapshot = { id, file, now: now.toISOString() };
  if (!options.file) {
    for (const name of readdirSync(DEMO_CACHE_DIR)) {
      if (name.endsWith('.tar.gz') && name !== path.basename(file)) await rm(path.join(DEMO_CACHE_DIR, name), { force: true });
    }
    // Written last: its presence means the tarball is complete.
    await writeFile(cacheMetaFile(hash), JSON.stringify(snapshot, null, 2));
  }
  return snapshot;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { now: { type: 'string' }, out: { type: 'string' } } });
  const now = values.now ? new Date(values.now) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error(`--now is not a date: ${values.now}`);
  const started = performance.now();
  const snapshot = await buildDemoSnapshot({ now, file: values.out ? path.resolve(values.out) : undefined });
  const size = statSync(snapshot.file).size / 1024 / 1024;
  console.log(`demo database ${snapshot.id}: ${size.toFixed(1)} MiB, data as of ${snapshot.now}, ${Math.round(performance.now() - started)} ms`);
}
