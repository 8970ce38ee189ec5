import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from './db';
import { openPglite } from './pglite-db';

describe('the embedded store between statements', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite();
  });
  afterAll(() => db.close());

  test('gives other work a turn: a timer set while twenty statements queue fires before they are all done', async () => {
    const done: number[] = [];
    // Different parameters each time, so that none is answered from memory.
    const statements = Array.from({ length: 20 }, (_, i) =>
      db.query('SELECT $1::int AS i, md5(repeat($1::text, 20000)) AS h', [i]).then(() => done.push(i)),
    );
    const doneWhenTheTimerFired = await new Promise<number>((resolve) => setTimeout(() => resolve(done.length), 0));
    await Promise.all(statements);
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i)); // in the order they were asked
    expect(doneWhenTheTimerFired).toBeLessThan(20);
  });
});
