import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, Queryable } from './db';
import {
  byVersion,
  migrate,
  migrateHoldingLock,
  MigrationChanged,
  migrationChecksum,
  migrationFile,
  migrations,
} from './migrate';
import { openPglite } from './pglite-db';

/** A database that only records what it is asked to run. */
function recordingDb(applied: number[] = []): Db & { statements: string[] } {
  const statements: string[] = [];
  const q: Queryable = {
    async query<T>(sql: string, params?: readonly unknown[]) {
      statements.push(sql);
      if (sql.startsWith('SELECT version')) return applied.map((version) => ({ version })) as T[];
      if (sql.startsWith('INSERT INTO schema_migrations')) statements.push(`applied ${String(params?.[0])}`);
      return [];
    },
    async exec(sql: string) {
      statements.push(sql);
    },
  };
  return { ...q, kind: 'pglite', statements, transaction: (fn) => fn(q), close: async () => undefined };
}

describe('migrations', () => {
  it('are listed by version number, each number once', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(versions[0]).toBe(1);
  });

  it('sort by number, not by the order they are written in', () => {
    const list = [6, 5, 10, 1].map((version) => ({ version, name: `m${version}`, sql: '' }));
    expect(byVersion(list).map((m) => m.version)).toEqual([1, 5, 6, 10]);
  });

  it('run in numeric order, skipping the ones already applied', async () => {
    const db = recordingDb([1, 2]);
    const applied = await migrate(db);
    const expected = migrations.map((m) => m.version).filter((v) => v > 2);
    expect(applied).toEqual(expected);
    expect(db.statements.filter((s) => s.startsWith('applied '))).toEqual(expected.map((v) => `applied ${v}`));
  });
});

describe('migrations on a real database (PGlite)', () => {
  const table = (name: string, extra = '') => `CREATE TABLE ${name} (x int PRIMARY KEY${extra});`;
  const tables = async (db: Db) =>
    (
      await db.query<{ t: string }>(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_migrations' ORDER BY 1",
      )
    ).map((r) => r.t);
  const recorded = (db: Db) =>
    db.query<{ version: number; checksum: string | null }>('SELECT version, checksum FROM schema_migrations ORDER BY applied_at, version');

  // One PGlite (starting one takes seconds), a schema of its own per test.
  let db: Db;
  let schemas = 0;
  beforeAll(async () => {
    db = await openPglite();
  });
  beforeEach(async () => {
    schemas += 1;
    await db.exec(`CREATE SCHEMA s${schemas}; SET search_path = s${schemas}, public`);
  });
  afterAll(async () => {
    await db.close();
  });

  it('apply 10 after 9, whatever the order they are listed in', async () => {
    // 10 needs 9's table: run in the listed order (or as text, "10" < "9") it would fail.
    const list = [
      { version: 10, name: 'second', sql: table('b', ', y int REFERENCES a(x)') },
      { version: 9, name: 'first', sql: table('a') },
    ];
    expect(await migrateHoldingLock(db, {}, list)).toEqual([9, 10]);
    expect((await recorded(db)).map((r) => r.version)).toEqual([9, 10]);
    expect(await migrateHoldingLock(db, {}, list)).toEqual([]);
  });

  it('record a checksum per migration, and an edited one stops the next run naming its file', async () => {
    const v1 = [
      { version: 1, name: 'a', sql: table('a') },
      { version: 2, name: 'b', sql: table('b') },
    ];
    await migrateHoldingLock(db, {}, v1);
    expect(await recorded(db)).toEqual(v1.map((m) => ({ version: m.version, checksum: migrationChecksum(m) })));

    const edited = [v1[0]!, { ...v1[1]!, sql: table('b', ', note text') }, { version: 3, name: 'c', sql: table('c') }];
    const failure = migrateHoldingLock(db, {}, edited);
    await expect(failure).rejects.toBeInstanceOf(MigrationChanged);
    await expect(failure).rejects.toThrow('Migration 2 (server/store/migrations/002-b.ts) was changed after it was applied');
    // Nothing after the check ran: 3 is not applied, 2's table is as it was.
    expect(await tables(db)).toEqual(['a', 'b']);
    expect((await recorded(db)).map((r) => r.version)).toEqual([1, 2]);
  });

  it('a database migrated before checksums were kept adopts the current ones, then holds to them', async () => {
    await db.exec(`CREATE TABLE schema_migrations (version int PRIMARY KEY, name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now());
      ${table('a')} INSERT INTO schema_migrations (version, name) VALUES (1, 'a');`);
    const list = [
      { version: 1, name: 'a', sql: table('a') },
      { version: 2, name: 'b', sql: table('b') },
    ];
    const log: string[] = [];
    expect(await migrateHoldingLock(db, { log: (m) => log.push(m) }, list)).toEqual([2]);
    expect(await recorded(db)).toEqual(list.map((m) => ({ version: m.version, checksum: migrationChecksum(m) })));
    expect(log).toEqual(['Recorded the checksums of migrations 1 (applied before checksums were kept).']);

    await expect(migrateHoldingLock(db, {}, [{ ...list[0]!, sql: table('a', ', y int') }, list[1]!])).rejects.toThrow(
      'server/store/migrations/001-a.ts',
    );
  });

  it('the shipped migrations apply to an empty database, each recorded once with its checksum', async () => {
    expect(await migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(await recorded(db)).toEqual(migrations.map((m) => ({ version: m.version, checksum: migrationChecksum(m) })));
    expect(await migrate(db)).toEqual([]);
  });
});

describe('migration checksums', () => {
  it('ignore line endings, and see any other change', () => {
    const m = { sql: 'CREATE TABLE a (x int);\nCREATE TABLE b (y int);\n' };
    expect(migrationChecksum({ sql: m.sql.replace(/\n/g, '\r\n') })).toBe(migrationChecksum(m));
    expect(migrationChecksum({ sql: m.sql.replace('y int', 'y bigint') })).not.toBe(migrationChecksum(m));
  });

  it('name files that exist: the list and the migrations folder agree', () => {
    const folder = fileURLToPath(new URL('./migrations/', import.meta.url));
    const files = readdirSync(folder).filter((f) => f.endsWith('.ts')).sort();
    expect(migrations.map((m) => basename(migrationFile(m)))).toEqual(files);
  });

  it('refuse two migrations with one number', () => {
    expect(() => byVersion([{ version: 3, name: 'x', sql: '' }, { version: 3, name: 'y', sql: '' }])).toThrow(
      'Two migrations are numbered 3: "x" and "y"',
    );
  });
});
