import type { Db, Queryable, Row } from './db';

/**
 * Repeated reads answered from memory until the next write, for a database that this process
 * alone writes to: the embedded store (PGlite), whose data folder one process holds at a time.
 * Many people open the same few screens, so the same statements with the same parameters come
 * again and again; PGlite runs one statement at a time on the event loop, so each one answered
 * from memory is time given back to every other request.
 *
 * It stays exact by being simple:
 * - only a lone `SELECT` (or `WITH … SELECT`) outside a transaction is kept, and only one whose answer depends on the
 *   data and its parameters alone: no clock (`now()` and friends), no randomness, no sequences,
 *   no locks, no system functions (see IMPURE). Callers pass the time as a parameter instead;
 * - anything else that runs (any other statement, `exec`, a transaction) forgets everything
 *   kept, before it starts and again when it ends; a read that was under way while something
 *   wrote is not kept;
 * - the same read asked again while the first is under way waits for that one (50 people
 *   opening the same list cost one query);
 * - answers are frozen, so a caller that changed one would fail at once rather than change what
 *   the next caller reads.
 *
 * Never for PostgreSQL: other instances write to it without this process knowing.
 */
export function withReadCache(db: Db, options: { maxEntries?: number; maxRows?: number } = {}): Db {
  const maxEntries = options.maxEntries ?? 500;
  // A bigger answer (an export, a full list) is rare and would hold memory for little gain.
  const maxRows = options.maxRows ?? 1000;
  const kept = new Map<string, readonly Row[]>();
  const underWay = new Map<string, Promise<readonly Row[]>>();
  let generation = 0;

  const forget = () => {
    generation++;
    kept.clear();
    underWay.clear();
  };

  async function read(key: string, sql: string, params: readonly unknown[]): Promise<readonly Row[]> {
    const startedIn = generation;
    const rows = deepFreeze(await db.query(sql, params));
    if (generation === startedIn && rows.length <= maxRows) {
      if (kept.size >= maxEntries) kept.delete(kept.keys().next().value as string);
      kept.set(key, rows);
    }
    return rows;
  }

  return {
    kind: db.kind,
    async query<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      if (!isPureRead(sql)) {
        forget();
        try {
          return await db.query<T>(sql, params);
        } finally {
          forget();
        }
      }
      const key = cacheKey(sql, params);
      if (key === null) return db.query<T>(sql, params);
      const hit = kept.get(key);
      if (hit) {
        // Most recently used last: the oldest entry is the first to go.
        kept.delete(key);
        kept.set(key, hit);
        return hit as T[];
      }
      let pending = underWay.get(key);
      if (!pending) {
        pending = read(key, sql, params);
        underWay.set(key, pending);
        const done = () => {
          if (underWay.get(key) === pending) underWay.delete(key);
        };
        pending.then(done, done);
      }
      return (await pending) as T[];
    },
    async exec(sql) {
      forget();
      try {
        await db.exec(sql);
      } finally {
        forget();
      }
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      forget();
      try {
        return await db.transaction(fn);
      } finally {
        forget();
      }
    },
    close: () => {
      forget();
      return db.close();
    },
  };
}

/** Words that make a SELECT's answer depend on more than the data and its parameters, or make it
 * change something: writes in a CTE or a function, row locks, the clock, randomness, sequences,
 * and system functions (advisory locks, settings, statistics). */
const IMPURE =
  /\b(insert|update|delete|merge|copy|for\s+(update|share|no\s+key\s+update|key\s+share)|now|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday|current_timestamp|current_date|current_time|localtime|localtimestamp|random|gen_random_uuid|nextval|setval|currval|lastval|set_config|pg_\w+|txid_\w+|lo_\w+|dblink\w*)\b/i;

/** A statement that only reads and whose answer the data and parameters alone decide. */
export function isPureRead(sql: string): boolean {
  return /^\s*(select|with)\b/i.test(sql) && !IMPURE.test(sql) && !sql.includes(';');
}

function cacheKey(sql: string, params: readonly unknown[]): string | null {
  try {
    return `${sql}\u0000${JSON.stringify(params)}`;
  } catch {
    return null; // a parameter JSON cannot write (a bigint): not kept
  }
}

function deepFreeze<T>(rows: T[]): readonly T[] {
  for (const row of rows) Object.freeze(row);
  return Object.freeze(rows);
}
