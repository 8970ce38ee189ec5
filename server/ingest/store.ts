import type { IngestOutcome } from '../../src/contract/ingest';
import type { Queryable } from '../store/db';

// SQL of the ingest API. Every write is one statement per batch: the columns travel as one
// array each, `unnest` turns them back into rows, and INSERT ... ON CONFLICT (external_id)
// upserts them. A row whose values are all the same is not touched (the DO UPDATE's WHERE),
// so it fires no trigger and is reported unchanged; `xmax = 0` tells a new row from an updated one.

export type ColumnType = 'int' | 'bigint' | 'text' | 'bool' | 'timestamptz';

export interface Column {
  name: string;
  type: ColumnType;
  /** Values for the new rows: one per item, in item order. */
  values: readonly unknown[];
  /** Kept as it is on an update when the item gives none (null): created_at. */
  keepWhenNull?: boolean;
}

export interface Upserted {
  id: number;
  result: IngestOutcome;
}

/** Tables the ingest writes, all with an `external_id` unique where set. */
export type IngestTable = 'users' | 'inboxes' | 'companies' | 'contacts' | 'sequences' | 'enrollments' | 'email_events' | 'marketing_emails';

/**
 * Upserts one row per external id with `columns`, and says what happened to each, in the order
 * of `externalIds`. `extraSet` adds assignments to the update (a version bump).
 */
export async function upsertByExternalId(
  tx: Queryable,
  table: IngestTable,
  externalIds: readonly string[],
  columns: readonly Column[],
  now: Date,
  options: { extraSet?: string; join?: { sql: string; columns: ReadonlyArray<{ name: string; expr: string }> } } = {},
): Promise<Upserted[]> {
  const params: unknown[] = [externalIds, ...columns.map((c) => c.values)];
  if (columns.some((c) => c.keepWhenNull)) params.push(now);
  const nowParam = `$${params.length}::timestamptz`;
  const arrays = ['$1::text[]', ...columns.map((c, i) => `$${i + 2}::${c.type}[]`)].join(', ');
  const names = columns.map((c) => c.name);
  const joined = options.join?.columns ?? [];
  const select = [
    'v.external_id',
    ...columns.map((c) =>
      c.keepWhenNull
        ? `coalesce(v.${c.name}, (SELECT x.${c.name} FROM ${table} x WHERE x.external_id = v.external_id), ${nowParam})`
        : `v.${c.name}`,
    ),
    ...joined.map((j) => j.expr),
  ].join(', ');
  const all = [...names, ...joined.map((j) => j.name)];
  const rows = await tx.query<{ id: number | string; external_id: string; created: boolean }>(
    `INSERT INTO ${table} AS t (external_id, ${all.join(', ')})
     SELECT ${select}
       FROM unnest(${arrays}) WITH ORDINALITY AS v(external_id, ${names.join(', ')}, ord)
       ${options.join?.sql ?? ''}
      ORDER BY v.ord
     ON CONFLICT (external_id) WHERE external_id IS NOT NULL DO UPDATE
        SET ${all.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}${options.extraSet ? `, ${options.extraSet}` : ''}
      WHERE (${all.map((n) => `t.${n}`).join(', ')}) IS DISTINCT FROM (${all.map((n) => `EXCLUDED.${n}`).join(', ')})
     RETURNING t.id, t.external_id, (t.xmax = 0) AS created`,
    params,
  );
  const touched = new Map(rows.map((r) => [r.external_id, { id: Number(r.id), result: (r.created ? 'created' : 'updated') as IngestOutcome }]));
  const untouched = externalIds.filter((id) => !touched.has(id));
  const ids = untouched.length ? await idsByExternalId(tx, table, untouched) : new Map<string, number>();
  return externalIds.map((externalId) => {
    const hit = touched.get(externalId);
    if (hit) return hit;
    const id = ids.get(externalId);
    if (id === undefined) throw new Error(`${table} ${externalId} was neither written nor found`);
    return { id, result: 'unchanged' };
  });
}

/** Sequence Desk's ids of the rows with these external ids (those that exist). */
export async function idsByExternalId(tx: Queryable, table: IngestTable, externalIds: readonly string[]): Promise<Map<string, number>> {
  if (externalIds.length === 0) return new Map();
  const rows = await tx.query<{ id: number | string; external_id: string }>(
    `SELECT id, external_id FROM ${table} WHERE external_id = ANY($1::text[])`,
    [externalIds],
  );
  return new Map(rows.map((r) => [r.external_id, Number(r.id)]));
}

/**
 * People already here with an incoming person's email and no external id yet (the admin who set
 * Sequence Desk up, someone invited from the Users screen) are linked to that id rather than
 * added again. Returns the emails that belong to someone with another external id: conflicts.
 */
export async function linkUsersByEmail(
  tx: Queryable,
  people: ReadonlyArray<{ externalId: string; email: string }>,
): Promise<Map<string, string>> {
  const externalIds = people.map((p) => p.externalId);
  const emails = people.map((p) => p.email);
  await tx.query(
    `UPDATE users u SET external_id = v.external_id
       FROM unnest($1::text[], $2::text[]) AS v(external_id, email)
      WHERE lower(u.email) = lower(v.email) AND u.external_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM users o WHERE o.external_id = v.external_id)`,
    [externalIds, emails],
  );
  const taken = await tx.query<{ email: string; external_id: string | null }>(
    `SELECT v.email, u.external_id
       FROM unnest($1::text[], $2::text[]) AS v(external_id, email)
       JOIN users u ON lower(u.email) = lower(v.email)
      WHERE u.external_id IS DISTINCT FROM v.external_id`,
    [externalIds, emails],
  );
  return new Map(taken.map((r) => [r.email.toLowerCase(), r.external_id ?? '']));
}

/** Replaces the steps of these sequences; returns the sequences whose steps changed. */
export async function replaceSteps(
  tx: Queryable,
  sequenceIds: readonly number[],
  steps: { sequenceId: number[]; position: number[]; type: string[]; delayDays: number[]; subject: Array<string | null> },
): Promise<Set<number>> {
  const rows = await tx.query<{ sequence_id: number }>(
    `WITH v AS (
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::text[]) AS v(sequence_id, position, type, delay_days, subject)
     ), removed AS (
       DELETE FROM sequence_steps s
        WHERE s.sequence_id = ANY($6::int[])
          AND NOT EXISTS (SELECT 1 FROM v WHERE v.sequence_id = s.sequence_id AND v.position = s.position)
       RETURNING s.sequence_id
     ), written AS (
       INSERT INTO sequence_steps AS s (sequence_id, position, type, delay_days, subject)
       SELECT sequence_id, position, type, delay_days, subject FROM v ORDER BY sequence_id, position
       ON CONFLICT (sequence_id, position) DO UPDATE
          SET type = EXCLUDED.type, delay_days = EXCLUDED.delay_days, subject = EXCLUDED.subject
        WHERE (s.type, s.delay_days, s.subject) IS DISTINCT FROM (EXCLUDED.type, EXCLUDED.delay_days, EXCLUDED.subject)
       RETURNING s.sequence_id
     )
     SELECT DISTINCT sequence_id FROM (SELECT sequence_id FROM removed UNION ALL SELECT sequence_id FROM written) x`,
    [steps.sequenceId, steps.position, steps.type, steps.delayDays, steps.subject, sequenceIds],
  );
  return new Set(rows.map((r) => Number(r.sequence_id)));
}

export interface AccountValues {
  name: string;
  plan: string;
  industry: string;
  timeZone: string;
  createdAt: Date | null;
}

/** Creates or updates the account row, and says which (or that nothing changed). */
export async function upsertAccount(tx: Queryable, a: AccountValues, now: Date): Promise<IngestOutcome> {
  const [row] = await tx.query<{ created: boolean }>(
    `INSERT INTO account AS t (id, name, plan, industry, time_zone, created_at)
     VALUES (1, $1, $2, $3, $4, coalesce($5::timestamptz, (SELECT created_at FROM account WHERE id = 1), $6::timestamptz))
     ON CONFLICT (id) DO UPDATE
        SET name = EXCLUDED.name, plan = EXCLUDED.plan, industry = EXCLUDED.industry, time_zone = EXCLUDED.time_zone,
            created_at = EXCLUDED.created_at
      WHERE (t.name, t.plan, t.industry, t.time_zone, t.created_at)
            IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.plan, EXCLUDED.industry, EXCLUDED.time_zone, EXCLUDED.created_at)
     RETURNING (t.xmax = 0) AS created`,
    [a.name, a.plan, a.industry, a.timeZone, a.createdAt, now],
  );
  return row ? (row.created ? 'created' : 'updated') : 'unchanged';
}

/**
 * Counts a request of `keyId` in the current fixed window and returns how many it has made in
 * it (this one included). In the database, so every instance counts the same requests.
 */
export async function countIngestRequest(db: Queryable, keyId: number, windowStart: Date): Promise<number> {
  const [row] = await db.query<{ requests: number }>(
    `INSERT INTO ingest_rate AS r (key_id, window_start, requests) VALUES ($1, $2, 1)
     ON CONFLICT (key_id) DO UPDATE
        SET requests = CASE WHEN r.window_start = EXCLUDED.window_start THEN r.requests + 1 ELSE 1 END,
            window_start = EXCLUDED.window_start
     RETURNING requests`,
    [keyId, windowStart],
  );
  return row?.requests ?? 1;
}

export interface StoredIngestAnswer {
  operation: string;
  requestHash: string;
  response: unknown;
}

export async function findIngestAnswer(db: Queryable, keyId: number, key: string): Promise<StoredIngestAnswer | null> {
  const [row] = await db.query<{ operation: string; request_hash: string; response: unknown }>(
    'SELECT operation, request_hash, response FROM ingest_requests WHERE key_id = $1 AND idempotency_key = $2',
    [keyId, key],
  );
  return row ? { operation: row.operation, requestHash: row.request_hash, response: row.response } : null;
}

/** Keeps the first answer; a concurrent request with the same key that lost the race wrote the
 * same rows (upserts are idempotent) and keeps its own answer. */
export async function saveIngestAnswer(
  tx: Queryable,
  a: { keyId: number; key: string; operation: string; requestHash: string; response: unknown; now: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO ingest_requests (key_id, idempotency_key, operation, request_hash, response, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6)
     ON CONFLICT (key_id, idempotency_key) DO NOTHING`,
    [a.keyId, a.key, a.operation, a.requestHash, JSON.stringify(a.response), a.now],
  );
}

/** Ends every session of those of `userIds` who are inactive. */
export async function endSessionsOfInactive(tx: Queryable, userIds: readonly number[]): Promise<void> {
  await tx.query(`DELETE FROM sessions s USING users u WHERE s.user_id = u.id AND u.id = ANY($1::int[]) AND NOT u.active`, [userIds]);
}
