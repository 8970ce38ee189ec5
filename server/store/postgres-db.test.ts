import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from './db';
import { statementName } from './postgres-db';
import { postgresTestSchema } from './test-db';

describe('prepared statements on PostgreSQL', () => {
  test('the same text gets the same name; pattern searches get none', () => {
    const sql = 'SELECT id FROM sequences WHERE id = $1';
    const name = statementName(sql);
    expect(name).toMatch(/^sd\d+$/);
    expect(statementName(sql)).toBe(name);
    expect(statementName('SELECT id FROM sequences WHERE id = $2')).not.toBe(name);
    expect(statementName("SELECT id FROM sequences WHERE name ILIKE $1 ESCAPE '\\'")).toBeUndefined();
    expect(statementName('SELECT id FROM contacts WHERE email like $1')).toBeUndefined();
  });

  const url = process.env.TEST_DATABASE_URL;
  describe.skipIf(!url)('on a connection', () => {
    const schema = url ? postgresTestSchema(url, 'prep') : null;
    let db: Db;
    beforeAll(async () => {
      db = await schema!.open();
      await db.exec('CREATE TABLE things (id int PRIMARY KEY, name text)');
    });
    afterAll(async () => {
      await db?.close();
      await schema?.cleanup();
    });

    test('is parsed once per connection and answers every run with its own values', async () => {
      await db.reserve!(async (conn) => {
        const insert = 'INSERT INTO things (id, name) VALUES ($1, $2) RETURNING id, name';
        expect(await conn.query(insert, [1, 'one'])).toEqual([{ id: 1, name: 'one' }]);
        expect(await conn.query(insert, [2, 'two'])).toEqual([{ id: 2, name: 'two' }]);
        const prepared = await conn.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
        expect(prepared.map((p) => p.statement)).toContain(insert);
        // A failed run (a duplicate key) leaves the statement usable.
        await expect(conn.query(insert, [1, 'again'])).rejects.toThrow(/duplicate key/);
        expect(await conn.query(insert, [3, 'three'])).toEqual([{ id: 3, name: 'three' }]);
        // Inside a transaction too.
        await conn.transaction(async (tx) => {
          expect(await tx.query(insert, [4, 'four'])).toEqual([{ id: 4, name: 'four' }]);
        });
      });
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM things'))[0]?.n).toBe(4);
    });
  });
});
