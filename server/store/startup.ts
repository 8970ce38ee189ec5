// What a server does to its database before it serves: migrate, and seed the demo data on the
// very first start. Both under the schema lock, so that instances started together (two
// replicas on first boot, a rolling deploy) take turns: one migrates and seeds, the others
// wait, then find nothing left to do.
import type { Db } from './db';
import { withLock } from './locks';
import { migrateHoldingLock } from './migrate';
import { seed } from './seed/seed';

export interface PrepareOptions {
  /** `demo`: seed the demo data when the store has no users; `none`: leave it empty. */
  seedDataset: 'demo' | 'none';
  log?: (message: string) => void;
}

export interface Prepared {
  /** Migration versions this instance applied (empty when another instance did). */
  applied: number[];
  /** Whether this instance seeded the demo data. */
  seeded: boolean;
}

export function prepareStore(db: Db, options: PrepareOptions): Promise<Prepared> {
  const log = options.log ?? (() => undefined);
  return withLock(
    db,
    'schema',
    async (conn) => {
      const applied = await migrateHoldingLock(conn, { log });
      if (applied.length) log(`Applied migrations ${applied.join(', ')}.`);
      const seeded = options.seedDataset === 'demo' && (await seedIfEmpty(conn, log));
      return { applied, seeded };
    },
    { onWait: () => log('Another instance is preparing the database: waiting for it…') },
  );
}

async function seedIfEmpty(db: Db, log: (message: string) => void): Promise<boolean> {
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if (n > 0) return false;
  log('Empty store: seeding the demo data…');
  const started = performance.now();
  const stats = await seed(db, { dataset: 'demo' });
  const enrollments = stats.counts.enrollments?.toLocaleString('en-US') ?? '?';
  // The moment it is "as of": `npm run seed -- --now` with it generates the same data.
  log(`Seeded the demo data (${enrollments} enrollments, as of ${stats.now}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
