import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Db, Queryable } from './db';
import { withLock } from './locks';
import m001 from './migrations/001-init';
import m002 from './migrations/002-enrollment-search';
import m003 from './migrations/003-email-health';
import m004 from './migrations/004-unenrolling';
import m005 from './migrations/005-enrollment-search-by-sequence';
import m006 from './migrations/006-probation';
import m007 from './migrations/007-sequence-figures';
import m008 from './migrations/008-housekeeping';
import m009 from './migrations/009-sign-in-throttling';
import m010 from './migrations/010-needs-attention';
import m011 from './migrations/011-send-forecast';
import m012 from './migrations/012-data-in';
import m013 from './migrations/013-users-and-invites';
import m014 from './migrations/014-contact-list';
import m015 from './migrations/015-ingest';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations by version number, lowest first: a fresh database gets them in that order
 * whatever order they are listed in. Append only: never edit one that has shipped (the
 * checksum recorded when it was applied stops the next start if you do). */
export const migrations: readonly Migration[] = byVersion([
  { version: 1, name: 'init', sql: m001 },
  { version: 2, name: 'enrollment-search', sql: m002 },
  { version: 3, name: 'email-health', sql: m003 },
  { version: 4, name: 'unenrolling', sql: m004 },
  { version: 5, name: 'enrollment-search-by-sequence', sql: m005 },
  { version: 6, name: 'probation', sql: m006 },
  { version: 7, name: 'sequence-figures', sql: m007 },
  { version: 8, name: 'housekeeping', sql: m008 },
  { version: 9, name: 'sign-in-throttling', sql: m009 },
  { version: 10, name: 'needs-attention', sql: m010 },
  { version: 11, name: 'send-forecast', sql: m011 },
  { version: 12, name: 'data-in', sql: m012 },
  { version: 13, name: 'users-and-invites', sql: m013 },
  { version: 14, name: 'contact-list', sql: m014 },
  { version: 15, name: 'ingest', sql: m015 },
]);

/** Sorted by number (10 after 9, not after 1); a number used twice is a mistake caught here. */
export function byVersion(list: readonly Migration[]): Migration[] {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1) throw new Error(`Migration "${m.name}" has no valid version number`);
    if (i > 0 && sorted[i - 1]!.version === m.version) {
      throw new Error(`Two migrations are numbered ${m.version}: "${sorted[i - 1]!.name}" and "${m.name}"`);
    }
  });
  return sorted;
}

/** Where a migration lives in the repository, for messages: `server/store/migrations/003-email-health.ts`. */
export function migrationFile(m: Pick<Migration, 'version' | 'name'>): string {
  return `server/store/migrations/${String(m.version).padStart(3, '0')}-${m.name}.ts`;
}

/** SHA-256 of the migration's SQL, line endings normalised: a checkout with CRLF line endings
 * is the same migration. */
export function migrationChecksum(m: Pick<Migration, 'sql'>): string {
  return bytesToHex(sha256(utf8ToBytes(m.sql.replace(/\r\n/g, '\n'))));
}

/** An applied migration whose file no longer matches what was applied. */
export class MigrationChanged extends Error {
  override name = 'MigrationChanged';
  constructor(
    readonly migration: Migration,
    readonly recorded: string,
  ) {
    super(
      `Migration ${migration.version} (${migrationFile(migration)}) was changed after it was applied to this database: ` +
        `its checksum is ${migrationChecksum(migration).slice(0, 12)}…, the database recorded ${recorded.slice(0, 12)}…. ` +
        'An applied migration must not be edited: restore the file as it was and put the change in a new migration.',
    );
  }
}

export interface MigrateOptions {
  /** Told what happens (checksums adopted, waiting for another instance, unknown versions). */
  log?: (message: string) => void;
}

/**
 * Applies pending migrations, each in its own transaction, in version order, holding the
 * database's schema lock: instances that start together wait for one another instead of
 * racing through the same DDL. Stops with `MigrationChanged`, before applying anything, when
 * an applied migration's file was edited. Returns the versions applied.
 */
export function migrate(db: Db, options: MigrateOptions = {}): Promise<number[]> {
  return withLock(db, 'schema', (conn) => migrateHoldingLock(conn, options), {
    onWait: () => options.log?.('Another instance is migrating this database: waiting for it…'),
  });
}

/** `migrate()` for a caller that already holds the schema lock (first start: migrate, then
 * seed, under one lock). `list` is for tests. */
export async function migrateHoldingLock(
  db: Db,
  options: MigrateOptions = {},
  list: readonly Migration[] = migrations,
): Promise<number[]> {
  const ordered = byVersion(list);
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  // Databases migrated before checksums were kept: the column comes now, the values below.
  await db.exec('ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text');

  const rows = await db.query<{ version: number; checksum: string | null }>(
    'SELECT version, checksum FROM schema_migrations ORDER BY version',
  );
  const recorded = new Map(rows.map((r) => [r.version, r.checksum]));
  await verify(db, ordered, recorded, options);

  const applied: number[] = [];
  for (const m of ordered) {
    if (recorded.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        migrationChecksum(m),
      ]);
    });
    applied.push(m.version);
  }
  return applied;
}

/** Every applied migration must still be the one that was applied; ones applied before
 * checksums were kept adopt today's. */
async function verify(
  db: Queryable,
  ordered: readonly Migration[],
  recorded: Map<number, string | null>,
  options: MigrateOptions,
): Promise<void> {
  const adopt: Migration[] = [];
  for (const m of ordered) {
    if (!recorded.has(m.version)) continue;
    const checksum = recorded.get(m.version);
    if (checksum == null) adopt.push(m);
    else if (checksum !== migrationChecksum(m)) throw new MigrationChanged(m, checksum);
  }
  for (const m of adopt) {
    await db.query('UPDATE schema_migrations SET checksum = $2 WHERE version = $1 AND checksum IS NULL', [
      m.version,
      migrationChecksum(m),
    ]);
  }
  if (adopt.length) {
    options.log?.(`Recorded the checksums of migrations ${adopt.map((m) => m.version).join(', ')} (applied before checksums were kept).`);
  }
  const known = new Set(ordered.map((m) => m.version));
  const unknown = [...recorded.keys()].filter((v) => !known.has(v));
  if (unknown.length) {
    // A newer build migrated this database (a rolling deploy, or a rollback): its migrations
    // only add, so this build can still run on it.
    options.log?.(`This database has migrations this build does not know (${unknown.join(', ')}): a newer version migrated it.`);
  }
}
