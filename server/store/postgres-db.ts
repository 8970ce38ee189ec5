import pg from 'pg';
import type { Db, Queryable } from './db';

// Keep int8 (counts) as JS numbers, as PGlite does; our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** At most this many statements are kept prepared on each connection. */
const MAX_PREPARED = 300;
const preparedNames = new Map<string, string>();
/** Pattern searches: their plan depends on the pattern, which a generic plan cannot see. */
const PATTERN_SEARCH = /\bI?LIKE\b/i;

/**
 * A name for a statement's text, so that each connection parses it once and, after a few runs,
 * reuses its plan: most of PostgreSQL's CPU per request went to parsing and planning the same
 * few statements again (a sequence's summary is seven small queries). Pattern searches keep
 * planning each run: with a generic plan, searching a 200,000-row sequence took twice as long.
 * Texts past the cap (statements built for one batch's shape) run unnamed too, so what each
 * connection keeps prepared stays bounded.
 */
export function statementName(sql: string): string | undefined {
  const known = preparedNames.get(sql);
  if (known !== undefined || preparedNames.size >= MAX_PREPARED || PATTERN_SEARCH.test(sql)) return known;
  const name = `sd${preparedNames.size + 1}`;
  preparedNames.set(sql, name);
  return name;
}

const asQueryable = (c: pg.Pool | pg.PoolClient): Queryable => ({
  async query<T>(sql: string, params: readonly unknown[] = []) {
    const res = await c.query({ text: sql, values: params as unknown[], name: statementName(sql) });
    return res.rows as T[];
  },
  async exec(sql: string) {
    await c.query(sql);
  },
});

async function inTransaction<T>(client: pg.PoolClient, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn(asQueryable(client));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** node-postgres behind the driver interface (Node only: never imported by the browser).
 * `onIdleError` hears of a pooled connection that broke while idle (the database restarted or
 * ended it); the pool drops it and opens another when needed. */
export function openPostgres(
  connectionString: string,
  max = 10,
  onIdleError: (err: Error) => void = (err) => console.error('PostgreSQL connection lost:', err.message),
): Db {
  const pool = new pg.Pool({ connectionString, max });
  // Without a listener, an idle connection's error would be thrown out of the pool and end the
  // process: a database restart must cost a few failed requests, not the server.
  pool.on('error', onIdleError);
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        return await inTransaction(client, fn);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    async reserve(fn) {
      const client = await pool.connect();
      // One connection behaving as a whole Db: its transactions run on it too. Closing it is
      // the pool's business, not the borrower's.
      const conn: Db = {
        kind: 'postgres',
        ...asQueryable(client),
        transaction: (inner) => inTransaction(client, inner),
        close: async () => undefined,
        reserve: (inner) => inner(conn),
      };
      let broken: Error | undefined;
      try {
        return await fn(conn);
      } catch (err) {
        // A connection that failed mid-way may hold session state: do not hand it back.
        broken = err instanceof Error ? err : new Error(String(err));
        throw err;
      } finally {
        client.release(broken);
      }
    },
  };
}
