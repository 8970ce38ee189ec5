import { describe, expect, it } from 'vitest';
import type { Db, Queryable } from './db';
import { byVersion, migrate, migrations } from './migrate';

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
