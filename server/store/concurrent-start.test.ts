// Instances started at the same moment on one empty PostgreSQL (two replicas on first boot, a
// rolling deploy): every one must become ready, the schema be migrated once and the demo data
// seeded once. Real server processes on a database of their own per case, so that nothing
// (extensions included, which live per database) is left from another run.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrationChecksum, migrations } from './migrate';
import { openPostgres } from './postgres-db';
import { startServer, type ServerProcess } from './server-process';
import { demoSnapshot } from './test-db';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.info('concurrent-start.test.ts: skipped, set TEST_DATABASE_URL to a PostgreSQL database to run it.');
}

/** A fresh, empty database beside TEST_DATABASE_URL's, dropped after the test. */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = openPostgres(url!, 1);
  const name = `sd_start_${randomBytes(5).toString('hex')}`;
  await admin.exec(`CREATE DATABASE ${name}`);
  const scoped = new URL(url!);
  scoped.pathname = `/${name}`;
  return {
    url: scoped.toString(),
    async drop() {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

const count = (line: RegExp, servers: ServerProcess[]) => servers.filter((s) => line.test(s.output())).length;

describe.skipIf(!url)('instances started together on one empty PostgreSQL', () => {
  let expected: { users: number; sequences: number; enrollments: number };
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    // What a single seed of the demo data holds.
    const { counts } = (await demoSnapshot()).stats;
    expected = { users: counts.users!, sequences: counts.sequences!, enrollments: counts.enrollments! };
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  async function startTogether(n: number) {
    const database = await freshDatabase();
    cleanups.push(database.drop);
    const servers = Array.from({ length: n }, () => startServer({ DATABASE_URL: database.url, SEED_DATASET: 'demo' }));
    cleanups.push(() => Promise.all(servers.map((s) => s.stop())));
    const bases = await Promise.all(servers.map((s) => s.ready));
    // Each one answers, from the same data.
    for (const base of bases) {
      const res = await fetch(`${base}/api/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', store: 'postgres' });
    }

    const db = openPostgres(database.url, 1);
    cleanups.push(() => db.close());
    const recorded = await db.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations ORDER BY version',
    );
    expect(recorded).toEqual(migrations.map((m) => ({ version: m.version, checksum: migrationChecksum(m) })));
    const [rows] = await db.query<{ users: number; sequences: number; enrollments: number }>(
      `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM sequences) AS sequences,
              (SELECT count(*)::int FROM enrollments) AS enrollments`,
    );
    expect(rows).toEqual(expected);
    // One migrated and seeded; the others found it done.
    expect(count(/Applied migrations 1, 2, /, servers)).toBe(1);
    expect(count(/Seeded the demo data/, servers)).toBe(1);
    return { servers, database, db };
  }

  test('two become ready; migrated once, seeded once; an edited migration then stops the next start', async () => {
    const { servers, database, db } = await startTogether(2);
    await Promise.all(servers.map((s) => s.stop()));

    // As if 003's file had been edited since it was applied here.
    await db.query("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 3");
    const next = startServer({ DATABASE_URL: database.url, SEED_DATASET: 'demo' });
    cleanups.push(() => next.stop());
    expect(await next.exited).toBe(1);
    expect(next.output()).toContain('Migration 3 (server/store/migrations/003-email-health.ts) was changed after it was applied');
  }, 180_000);

  test('four become ready; migrated once, seeded once', async () => {
    await startTogether(4);
  }, 180_000);
});
