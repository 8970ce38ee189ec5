// Fills an empty, migrated database with a deterministic dataset. Runs in Node (CLI, tests,
// server first start) and in the browser (demo mode), so: no Node-only imports here.

import { ZERO_COUNTS, addCounts, assessProbation, isoDay, reportingWindow } from '../../../src/domain/health';
import { thresholdsFor } from '../../../src/domain/industry-benchmarks';
import { HEALTHY, transition } from '../../../src/domain/probation';
import { portablePasswords } from '../../sessions/passwords';
import type { Db, Queryable } from '../db';
import { readAccount } from '../../account/store';
import { dailyCounts } from '../../email-health/store';
import { writeProbation } from '../../probation/store';
import { DEMO_PASSWORD } from './demo-users';
import type { Dataset } from './datasets';
import { generate, type SequenceRef } from './generate';
import { Random } from './random';
import type { Column, ColumnType, SeedSink } from './tables';

export type { Dataset } from './datasets';
export type { SequenceRef } from './generate';

export const DEFAULT_SEED = 42;

export interface SeedOptions {
  dataset: Dataset;
  /** The seed number: the same number and `now` give the same data. Default 42. */
  seed?: number;
  /** The moment the data is generated "as of"; six months of history end here. Default: the
   * clock. Rounded down to the second. */
  now?: Date;
  onProgress?: (message: string) => void;
}

export interface SeedStats {
  dataset: Dataset;
  seed: number;
  /** The `now` the data was generated for (ISO). */
  now: string;
  durationMs: number;
  /** Rows inserted per table. */
  counts: Record<string, number>;
  /** The sequence with the most enrollments (exactly 200,000 in `xl`). */
  largestSequence: SequenceRef;
  largestSequenceId: number;
  /** A small live sequence to compare with it (exactly 2,000 in `xl`). */
  smallSequence: SequenceRef;
  smallSequenceId: number;
  /** When marketing email stopped because the account went on probation (ISO). */
  probationSince: string;
  demoUserIds: Record<'rep' | 'manager' | 'marketer' | 'admin', number>;
}

/** Tables with an identity column: their sequences move past the explicit ids we inserted. */
const IDENTITY_TABLES = ['teams', 'users', 'inboxes', 'companies', 'contacts', 'sequences', 'enrollments', 'email_events', 'marketing_emails'];

/** Every table the seed writes to. */
const SEEDED_TABLES = [...IDENTITY_TABLES, 'account', 'sequence_steps'];

/** Large tables whose secondary indexes are cheaper to build once, after the rows are in. */
const REINDEXED_TABLES = ['contacts', 'enrollments', 'email_events'];

/**
 * Seeds `db`, which must be migrated and empty (no users). Everything happens in one
 * transaction: a failed seed leaves the database as it was. Deterministic for the same
 * `seed` and `now`.
 */
export async function seed(db: Db, options: SeedOptions): Promise<SeedStats> {
  const started = performance.now();
  const seedNumber = options.seed ?? DEFAULT_SEED;
  const now = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const progress = options.onProgress ?? (() => undefined);

  let existing: number;
  try {
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    existing = row?.n ?? 0;
  } catch (err) {
    throw new Error(`Cannot seed: the database is not migrated (${(err as Error).message}). Run migrate(db) first.`);
  }
  if (existing > 0) {
    throw new Error(`Cannot seed: the database already has data (${existing} users). Seed only an empty database, or reset it first.`);
  }

  // scrypt is deliberately slow: hash once, with a salt from the seed so the data stays
  // deterministic, and give the same hash to every demo user.
  const saltRng = new Random(seedNumber).fork('password-salt');
  const salt = Uint8Array.from({ length: 16 }, () => saltRng.int(0, 255));
  const demoPasswordHash = await portablePasswords.hash(DEMO_PASSWORD, salt);

  const result = await db.transaction(async (tx) => {
    // Index builds sort in memory when they can: the xl enrollments index is ~100 MB.
    await tx.exec(`SET LOCAL maintenance_work_mem = '256MB'`);
    const restore = await relaxConstraints(tx);
    const sink = pipelined(sqlSink(tx));
    const generated = await generate(
      { dataset: options.dataset, seed: seedNumber, now, demoPasswordHash, onProgress: progress },
      sink,
    );
    await sink.drain();
    await startProbation(tx, generated.probationSince);
    progress('building indexes, checking foreign keys');
    for (const statement of restore) await tx.exec(statement);
    for (const table of IDENTITY_TABLES) {
      await tx.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), max(id)) FROM ${table} HAVING max(id) IS NOT NULL`);
    }
    return generated;
  });
  // Fresh statistics, or the planner guesses on millions of rows it has never seen.
  progress('analyzing');
  await db.exec(`ANALYZE ${SEEDED_TABLES.join(', ')}`);

  return {
    dataset: options.dataset,
    seed: seedNumber,
    now: now.toISOString(),
    durationMs: Math.round(performance.now() - started),
    counts: result.counts,
    largestSequence: result.largestSequence,
    largestSequenceId: result.largestSequence.id,
    smallSequence: result.smallSequence,
    smallSequenceId: result.smallSequence.id,
    probationSince: result.probationSince.toISOString(),
    demoUserIds: result.demoUserIds,
  };
}

/**
 * The story's probation: when marketing email stopped, the hard-bounce rate of the 30 days
 * before (less 48 hours) crossed the industry threshold. Recorded by the state machine, as the
 * app would have recorded it.
 */
async function startProbation(tx: Queryable, since: Date): Promise<void> {
  const account = await readAccount(tx);
  const window = reportingWindow('30d', since);
  const daily = await dailyCounts(tx, 'marketing', window.from, isoDay(window.endsAt.getTime()));
  const counts = daily.reduce((sum, row) => addCounts(sum, row), { ...ZERO_COUNTS });
  const { triggers } = assessProbation(account.plan, thresholdsFor(account.industry), counts);
  const result = transition(HEALTHY, { type: 'figures_crossed', at: since, plan: account.plan, triggers, windowStartsAt: window.startsAt });
  // The demo data is made to cross the threshold (the API tests check it); should another
  // dataset not, its account simply starts healthy.
  if (result.ok) await writeProbation(tx, result.state, [result.transition]);
}

/**
 * The bulk-load recipe of pg_restore: drop the foreign keys of the seeded tables and the
 * secondary indexes of the big ones, and return the statements that put them back exactly as
 * the migrations defined them. Checking a foreign key once over a whole table is a single join;
 * checking it row by row made the seed 2.5 times slower.
 */
async function relaxConstraints(tx: Queryable): Promise<string[]> {
  const schema = `(SELECT oid FROM pg_namespace WHERE nspname = current_schema())`;
  const foreignKeys = await tx.query<{ tbl: string; name: string; definition: string }>(
    `SELECT t.relname AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND t.relnamespace = ${schema} AND t.relname = ANY($1::text[])
      ORDER BY t.relname, c.conname`,
    [SEEDED_TABLES],
  );
  const indexes = await tx.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = ${schema} AND t.relname = ANY($1::text[])
        AND NOT x.indisunique AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY i.relname`,
    [REINDEXED_TABLES],
  );
  for (const fk of foreignKeys) await tx.exec(`ALTER TABLE ${ident(fk.tbl)} DROP CONSTRAINT ${ident(fk.name)}`);
  for (const index of indexes) await tx.exec(`DROP INDEX ${ident(index.name)}`);
  return [
    ...indexes.map((i) => i.definition),
    ...foreignKeys.map((fk) => `ALTER TABLE ${ident(fk.tbl)} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition}`),
  ];
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Lets the generator build the next batch while the database stores the previous one (a
 * PostgreSQL server works in another process; PGlite gains nothing but loses nothing). The
 * connection runs statements in the order they were issued, so the order of writes holds.
 */
function pipelined(sink: SeedSink, depth = 2): SeedSink & { drain(): Promise<void> } {
  const inflight: Promise<void>[] = [];
  const issue = async (write: Promise<void>) => {
    write.catch(() => undefined); // surfaced by the await below or by drain(), not as unhandled
    inflight.push(write);
    if (inflight.length >= depth) await inflight.shift();
  };
  return {
    insert: (table, columns, values) => issue(sink.insert(table, columns, values)),
    update: (table, columns, values) => issue(sink.update(table, columns, values)),
    async drain() {
      while (inflight.length) await inflight.shift();
    },
  };
}

const PG_ARRAY_TYPE: Record<ColumnType, string> = {
  int: 'int[]',
  bigint: 'bigint[]',
  text: 'text[]',
  bool: 'boolean[]',
  timestamptz: 'timestamptz[]',
};

/** One statement per batch: each column travels as one array parameter and `unnest` turns the
 * arrays back into rows. Fast on PGlite and node-postgres, and no 65,535-parameter limit. */
function sqlSink(tx: Queryable): SeedSink {
  const arrays = (columns: readonly Column[]) => columns.map((c, i) => `$${i + 1}::${PG_ARRAY_TYPE[c.type]}`).join(', ');
  return {
    async insert(table, columns, values) {
      const names = columns.map((c) => c.name).join(', ');
      await tx.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays(columns)})`, values);
    },
    async update(table, columns, values) {
      const [key, ...rest] = columns.map((c) => c.name);
      const set = rest.map((name) => `${name} = v.${name}`).join(', ');
      const names = columns.map((c) => c.name).join(', ');
      await tx.query(
        `UPDATE ${table} AS t SET ${set} FROM unnest(${arrays(columns)}) AS v(${names}) WHERE t.${key} = v.${key}`,
        values,
      );
    },
  };
}
