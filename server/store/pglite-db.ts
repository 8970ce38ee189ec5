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
  const turn = takingTurns();
  return {
    kind: 'pglite',
    query: (sql, params) => turn(() => base.query(sql, params)),
    exec: (sql) => turn(() => base.exec(sql)),
    // The whole transaction is one turn; its own statements run inside it.
    transaction: (fn) => turn(() => pg.transaction((tx) => fn(asQueryable(tx)))),
    close: () => pg.close(),
  };
}

/** On Node, a turn of the event loop between two statements (see takingTurns); elsewhere none. */
const nextTurn: () => Promise<void> =
  typeof setImmediate === 'function' ? () => new Promise((resolve) => setImmediate(resolve)) : () => Promise.resolve();

/**
 * PGlite runs each statement synchronously on the event loop and starts the next queued one
 * straight from the last one's promise, so a queue of statements (twenty people signing in at
 * once) runs as one long stretch that no other request can interrupt: /api/health waited up to
 * 170 ms behind one. Here statements queue in our own line instead, and the event loop gets a turn
 * (timers, network) before each one starts; a request that needs no database (or whose reads are
 * kept in memory) is answered between two statements rather than after all of them. The order
 * of statements is the order of the calls, as before.
 */
function takingTurns(): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const mine = last.then(nextTurn).then(work);
    last = mine.catch(() => undefined);
    return mine;
  };
}
