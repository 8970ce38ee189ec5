import type { Db } from './db';
import m001 from './migrations/001-init';
import m002 from './migrations/002-enrollment-search';
import m003 from './migrations/003-email-health';
import m004 from './migrations/004-unenrolling';
import m005 from './migrations/005-enrollment-search-by-sequence';
import m006 from './migrations/006-probation';
import m007 from './migrations/007-sequence-figures';
import m012 from './migrations/012-data-in';
import m013 from './migrations/013-users-and-invites';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations by version number, lowest first: a fresh database gets them in that order
 * whatever order they are listed in. Append only: never edit one that has shipped. */
export const migrations: readonly Migration[] = byVersion([
  { version: 1, name: 'init', sql: m001 },
  { version: 2, name: 'enrollment-search', sql: m002 },
  { version: 3, name: 'email-health', sql: m003 },
  { version: 4, name: 'unenrolling', sql: m004 },
  { version: 5, name: 'enrollment-search-by-sequence', sql: m005 },
  { version: 6, name: 'probation', sql: m006 },
  { version: 7, name: 'sequence-figures', sql: m007 },
  { version: 12, name: 'data-in', sql: m012 },
  { version: 13, name: 'users-and-invites', sql: m013 },
]);

export function byVersion(list: readonly Migration[]): Migration[] {
  return [...list].sort((a, b) => a.version - b.version);
}

/** Applies pending migrations, each in its own transaction. Returns the versions applied. */
export async function migrate(db: Db): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
