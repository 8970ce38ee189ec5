import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

/** PGlite behind the driver interface: used in the browser, in tests and as the server's
 * embedded default. `dataDir` persists to a folder (Node) or IndexedDB (`idb://name`). */
export async function openPglite(options: PGliteOptions = {}): Promise<Db> {
  const pg = await PGlite.create(options);
  return wrapPglite(pg);
}

export function wrapPglite(pg: PGlite): Db {
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
