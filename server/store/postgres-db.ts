import pg from 'pg';
import type { Db, Queryable } from './db';

// Keep int8 (counts) as JS numbers, as PGlite does; our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

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
  const asQueryable = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await c.query(sql, params as unknown[]);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
