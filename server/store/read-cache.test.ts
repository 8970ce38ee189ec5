import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Db, Row } from './db';
import { createPglite } from './pglite-db';
import { isPureRead, withReadCache } from './read-cache';

/** A bare PGlite behind the driver interface, counting the statements that reach it. */
async function countingPglite(): Promise<{ db: Db; reached: string[] }> {
  const pg = await createPglite();
  const reached: string[] = [];
  const db: Db = {
    kind: 'pglite',
    async query<T = Row>(sql: string, params: readonly unknown[] = []) {
      reached.push(sql);
      return (await pg.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      reached.push(sql);
      await pg.exec(sql);
    },
    transaction: (fn) =>
      pg.transaction((tx) =>
        fn({
          query: async <T = Row>(sql: string, params: readonly unknown[] = []) => (await tx.query<T>(sql, params as unknown[])).rows,
          exec: async (sql) => void (await tx.exec(sql)),
        }),
      ),
    close: () => pg.close(),
  };
  return { db, reached };
}

describe('answering repeated reads from memory', () => {
  let raw: Db;
  let reached: string[];
  let db: Db;
  const names = async () => (await db.query<{ name: string }>('SELECT name FROM t WHERE id <= $1 ORDER BY id', [10])).map((r) => r.name);
  const readsReached = () => reached.filter((sql) => sql.startsWith('SELECT name')).length;

  // One database for the file (opening one takes a second or two); each test gets a fresh table
  // and a fresh cache in front of it.
  beforeAll(async () => {
    ({ db: raw, reached } = await countingPglite());
  });
  afterAll(() => raw.close());
  beforeEach(async () => {
    db = withReadCache(raw);
    await db.exec("DROP TABLE IF EXISTS t; CREATE TABLE t (id int PRIMARY KEY, name text); INSERT INTO t VALUES (1, 'Ada'), (2, 'Bo')");
    reached.length = 0;
  });

  test('the same read with the same parameters reaches the database once', async () => {
    expect(await names()).toEqual(['Ada', 'Bo']);
    expect(await names()).toEqual(['Ada', 'Bo']);
    expect(readsReached()).toBe(1);
    // Other parameters are another read.
    await db.query('SELECT name FROM t WHERE id <= $1 ORDER BY id', [1]);
    expect(readsReached()).toBe(2);
  });

  test('a write, an exec or a transaction makes the next read ask the database again', async () => {
    await names();
    await db.query('UPDATE t SET name = $1 WHERE id = 1', ['Ana']);
    expect(await names()).toEqual(['Ana', 'Bo']);

    await db.exec("INSERT INTO t VALUES (3, 'Cy')");
    expect(await names()).toEqual(['Ana', 'Bo', 'Cy']);

    await db.transaction(async (tx) => {
      await tx.query('DELETE FROM t WHERE id = 2');
    });
    expect(await names()).toEqual(['Ana', 'Cy']);

    // A transaction that fails forgets too (it may have taken locks or run anything).
    await expect(
      db.transaction(async (tx) => {
        await tx.query('DELETE FROM t WHERE id = 3');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await names()).toEqual(['Ana', 'Cy']);
    expect(readsReached()).toBe(5);
  });

  test('reads asked together while none is kept cost one query, and all get the answer', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => names()));
    expect(answers.every((a) => a.join() === 'Ada,Bo')).toBe(true);
    expect(readsReached()).toBe(1);
  });

  test('a read under way while something writes is not kept', async () => {
    const before = names();
    const write = db.query('UPDATE t SET name = $1 WHERE id = 1', ['Ana']);
    await Promise.all([before, write]);
    expect(await names()).toEqual(['Ana', 'Bo']);
  });

  test('a read asked after a write, while the write is still running, sees it', async () => {
    await names();
    const write = db.query('UPDATE t SET name = $1 WHERE id = 2', ['Bea']);
    const after = names();
    await write;
    expect(await after).toEqual(['Ada', 'Bea']);
  });

  test('a read that depends on chance is never kept (nor one on the clock: see the list below)', async () => {
    const draws = await Promise.all(Array.from({ length: 3 }, () => db.query<{ v: number }>('SELECT random() AS v')));
    expect(new Set(draws.map((rows) => rows[0]!.v)).size).toBe(3);
  });

  test('answers are frozen: a caller that changed one would fail rather than change the next answer', async () => {
    const rows = await db.query<{ name: string }>('SELECT name FROM t ORDER BY id');
    expect(() => {
      rows[0]!.name = 'Zed';
    }).toThrow(TypeError);
    expect(() => rows.push({ name: 'Zed' })).toThrow(TypeError);
    expect((await db.query<{ name: string }>('SELECT name FROM t ORDER BY id'))[0]!.name).toBe('Ada');
  });

  test('no more than maxEntries answers are kept: the least recently used goes first', async () => {
    const small = withReadCache(raw, { maxEntries: 2 });
    const byId = (id: number) => small.query('SELECT name FROM t WHERE id <= $1 ORDER BY id', [id]);
    await byId(1);
    await byId(2);
    await byId(1); // used again: now the most recent
    await byId(3); // pushes out id 2
    const before = readsReached();
    await byId(1);
    expect(readsReached()).toBe(before);
    await byId(2);
    expect(readsReached()).toBe(before + 1);
  });
});

describe('which statements are pure reads', () => {
  test.each([
    ['SELECT name FROM t WHERE id = $1', true],
    ['  select count(*)::int AS n FROM enrollments WHERE sequence_id = $1', true],
    ['SELECT s.updated_at FROM sequences s', true],
    ['WITH page AS (SELECT id FROM enrollments LIMIT $1) SELECT e.* FROM enrollments e JOIN page USING (id)', true],
    ['SELECT now()', false],
    ['SELECT * FROM sessions WHERE expires_at > CURRENT_TIMESTAMP', false],
    ['SELECT id FROM t FOR UPDATE', false],
    ['SELECT pg_advisory_lock($1)', false],
    ["SELECT nextval('t_id_seq')", false],
    ['WITH d AS (DELETE FROM t RETURNING id) SELECT count(*) FROM d', false],
    ['INSERT INTO t VALUES (1)', false],
    ['SELECT 1; DELETE FROM t', false],
  ])('%s → %s', (sql, pure) => {
    expect(isPureRead(sql)).toBe(pure);
  });
});
