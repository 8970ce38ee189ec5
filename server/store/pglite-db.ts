import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Queryable } from './db';
import { withReadCache } from './read-cache';

/** PGlite behind the driver interface: used in the browser, in tests and as the server's
 * embedded default. `dataDir` persists to a folder (Node) or IndexedDB (`idb://name`).
 * Repeated reads are answered from memory until the next write (read-cache.ts). */
export async function openPglite(options: PGliteOptions = {}): Promise<Db> {
  return wrapPglite(await createPglite(options));
}

/** A raw PGlite with the extensions our migrations use (for snapshots: dump/load). */
export function createPglite(options: PGliteOptions = {}): Promise<PGlite> {
  return PGlite.create({ ...options, extensions: { pg_trgm, btree_gin, ...options.extensions } });
}

export function wrapPglite(pg: PGlite): Db {
  // This process alone writes to it, so repeated reads can be answered from memory.
  return withReadCache(wrapPgliteUncached(pg));
}

function wrapPgliteUncached(pg: PGlite): Db {
  const asQueryable = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<T>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = asQueryable(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(asQueryable(tx))),
    close: () => pg.close(),
  };
}
