import {
  MAX_LISTED_ITEMS,
  type BulkSkipReason,
  type BulkUnenrollResult,
  type EnrollmentFilter,
  type NotRestoredReason,
} from '../../src/contract/enrollments';
import type { Viewer } from '../http/context';
import type { Queryable } from '../store/db';
import { filterSql, LIVE } from './store';

// SQL of bulk unenroll and Undo. Both are set-based: a handful of statements whatever the
// number of rows, so 200,000 rows cost about what one plain UPDATE of them costs.

const DONE = `('failed', 'finished', 'unenrolled')`;

// ---------------------------------------------------------------------------------------------
// Idempotency keys

export interface StoredAnswer {
  operation: string;
  requestHash: string;
  response: unknown;
}

export async function findIdempotentAnswer(db: Queryable, userId: number, key: string): Promise<StoredAnswer | null> {
  const [row] = await db.query<{ operation: string; request_hash: string; response: unknown }>(
    'SELECT operation, request_hash, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
    [userId, key],
  );
  return row ? { operation: row.operation, requestHash: row.request_hash, response: row.response } : null;
}

/** Saves the answer in the transaction that made the change: both are kept, or neither. */
export async function saveIdempotentAnswer(
  tx: Queryable,
  a: { userId: number; key: string; operation: string; requestHash: string; response: unknown; now: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO idempotency_keys (user_id, key, operation, request_hash, response, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [a.userId, a.key, a.operation, a.requestHash, JSON.stringify(a.response), a.now],
  );
}

// ---------------------------------------------------------------------------------------------
// Bulk unenroll

export type BulkSelection = { ids: number[] } | { filter: EnrollmentFilter; except?: number[] };

/** The WHERE of a selection over enrollments `e`: the list's own filter less the rows the user
 * unticked, or ids in the sequence. */
function selectionSql(sequenceId: number, selection: BulkSelection, viewer: Viewer, params: unknown[]): string {
  if ('filter' in selection) {
    const where = filterSql(sequenceId, selection.filter, viewer, params);
    if (!selection.except?.length) return where;
    return `${where} AND NOT (e.id = ANY($${params.push(selection.except)}::int[]))`;
  }
  // By ids a rep may name others' rows: they are counted as "not yours", not hidden.
  return `e.sequence_id = $${params.push(sequenceId)} AND e.id = ANY($${params.push(selection.ids)}::int[])`;
}

/** Ids of `ids` that are not enrollments of the sequence. */
export async function unknownEnrollmentIds(db: Queryable, sequenceId: number, ids: number[]): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT v.id FROM unnest($2::int[]) AS v(id)
      WHERE NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.id = v.id AND e.sequence_id = $1)
      ORDER BY v.id`,
    [sequenceId, ids],
  );
  return rows.map((r) => r.id);
}

export type SelectionCounts = Record<'matched' | 'notYours' | 'alreadyUnenrolled' | 'finished' | 'failed', number>;

/** The selection's WHERE over enrollments `e` with its own parameters, and "the actor may
 * change it" (reps: their own rows). */
function selectionWhere(sequenceId: number, selection: BulkSelection, viewer: Viewer) {
  const params: unknown[] = [];
  const sql = selectionSql(sequenceId, selection, viewer, params);
  const mine = viewer.onlyOwn ? `e.enrolled_by = $${params.push(viewer.userId)}` : 'true';
  return { sql, mine, params };
}

/** How many enrollments a selection matches, and how many of them a bulk unenroll would skip,
 * by reason ("not yours" first: a rep learns nothing about others' rows). One scan; for a plain
 * filter an index-only scan. */
export async function selectionCounts(
  tx: Queryable,
  sequenceId: number,
  selection: BulkSelection,
  viewer: Viewer,
): Promise<SelectionCounts> {
  const w = selectionWhere(sequenceId, selection, viewer);
  const [c] = await tx.query<SelectionCounts>(
    `SELECT count(*)::int AS "matched",
            count(*) FILTER (WHERE NOT (${w.mine}))::int AS "notYours",
            count(*) FILTER (WHERE (${w.mine}) AND e.status = 'unenrolled')::int AS "alreadyUnenrolled",
            count(*) FILTER (WHERE (${w.mine}) AND e.status = 'finished')::int AS "finished",
            count(*) FILTER (WHERE (${w.mine}) AND e.status = 'failed')::int AS "failed"
       FROM enrollments e WHERE ${w.sql}`,
    w.params,
  );
  return c!;
}

/**
 * Unenrolls every live enrollment of the selection that the actor may change, as one batch;
 * `counts` are the selection's counts taken in the same transaction. Run it in a REPEATABLE
 * READ transaction: its statements then all see the same rows, and a row changed meanwhile by
 * someone else fails the transaction instead of slipping through.
 *
 * Set-based, each statement planned on its own so that each finds its index: the first skipped
 * rows, one INSERT … SELECT of the live rows' previous state, and one UPDATE by the same WHERE —
 * the very statement a plain UPDATE of those rows would be.
 */
export async function bulkUnenroll(
  tx: Queryable,
  a: {
    sequenceId: number;
    selection: BulkSelection;
    viewer: Viewer;
    actorId: number;
    now: Date;
    counts: SelectionCounts;
  },
): Promise<Omit<BulkUnenrollResult, 'sequenceId'>> {
  const selectionJson =
    'filter' in a.selection
      ? { filter: a.selection.filter, ...(a.selection.except?.length ? { except: a.selection.except.length } : {}) }
      : { ids: a.selection.ids.length };
  const [batch] = await tx.query<{ id: number }>(
    `INSERT INTO unenroll_batches (sequence_id, actor_id, created_at, selection, matched, unenrolled)
     VALUES ($1, $2, $3, $4, 0, 0) RETURNING id`,
    [a.sequenceId, a.actorId, a.now, JSON.stringify(selectionJson)],
  );
  const batchId = batch!.id;
  const where = () => selectionWhere(a.sequenceId, a.selection, a.viewer);
  const skip = (mine: string) => `CASE WHEN NOT (${mine}) THEN 'not-yours'
                           WHEN e.status = 'unenrolled' THEN 'already-unenrolled'
                           WHEN e.status = 'finished' THEN 'finished'
                           WHEN e.status = 'failed' THEN 'failed' END`;

  // In (status, id) order: the order of the (sequence, status, id) index, so that listing the
  // first skipped rows of 200,000 reads only those.
  const listed = where();
  const skipped = a.viewer.onlyOwn ? `(NOT (${listed.mine}) OR e.status IN ${DONE})` : `e.status IN ${DONE}`;
  const items = await tx.query<{ id: number; reason: BulkSkipReason }>(
    `SELECT e.id, ${skip(listed.mine)} AS reason FROM enrollments e
      WHERE ${listed.sql} AND ${skipped}
      ORDER BY e.status, e.id LIMIT ${MAX_LISTED_ITEMS}`,
    listed.params,
  );

  const rec = where();
  const [recorded] = await tx.query<{ n: number }>(
    `WITH r AS (
       INSERT INTO unenroll_batch_items (batch_id, enrollment_id, prev_status, prev_step, prev_next_step_at, version)
       SELECT $${rec.params.push(batchId)}, e.id, e.status, e.current_step, e.next_step_at, e.version + 1
         FROM enrollments e WHERE ${rec.sql} AND ${rec.mine} AND e.status IN ${LIVE}
       RETURNING 1)
     SELECT count(*)::int AS n FROM r`,
    rec.params,
  );

  const upd = where();
  const [updated] = await tx.query<{ n: number }>(
    `WITH u AS (
       UPDATE enrollments e
          SET status = 'unenrolled', unenroll_reason = 'BULK', unenrolled_by = $${upd.params.push(a.actorId)},
              unenrolled_at = $${upd.params.push(a.now)}, next_step_at = NULL, version = e.version + 1
        WHERE ${upd.sql} AND ${upd.mine} AND e.status IN ${LIVE}
        RETURNING 1)
     SELECT count(*)::int AS n FROM u`,
    upd.params,
  );
  // Same snapshot, same WHERE: anything else means the rows moved under us.
  const c = a.counts;
  if (updated!.n !== recorded!.n || c.matched !== updated!.n + c.notYours + c.alreadyUnenrolled + c.finished + c.failed) {
    throw new Error(`bulk unenroll: recorded ${recorded!.n}, updated ${updated!.n}, counted ${JSON.stringify(c)}`);
  }

  await tx.query('UPDATE unenroll_batches SET matched = $2, unenrolled = $3 WHERE id = $1', [batchId, c.matched, updated!.n]);
  return {
    batchId: String(batchId),
    matched: c.matched,
    unenrolled: updated!.n,
    skipped: { alreadyUnenrolled: c.alreadyUnenrolled, finished: c.finished, failed: c.failed, notYours: c.notYours },
    skippedItems: items.map((i) => ({ enrollmentId: String(i.id), reason: i.reason })),
  };
}

// ---------------------------------------------------------------------------------------------
// Undo

export interface BatchRow {
  id: number;
  /** Null for a batch of Needs attention, which may span sequences. */
  sequenceId: number | null;
  actorId: number;
  action: 'unenroll' | 'reenroll';
  sequenceDeleted: boolean;
  undoResult: unknown;
}

/** A batch, locked for the transaction (two Undos of one batch run one after the other). */
export async function lockBatch(tx: Queryable, id: number): Promise<BatchRow | null> {
  const [row] = await tx.query<{
    id: number;
    sequence_id: number | null;
    actor_id: number;
    action: 'unenroll' | 'reenroll';
    undo_result: unknown;
    deleted: boolean;
  }>(
    `SELECT b.id, b.sequence_id, b.actor_id, b.action, b.undo_result, coalesce(s.deleted_at IS NOT NULL, false) AS deleted
       FROM unenroll_batches b LEFT JOIN sequences s ON s.id = b.sequence_id
      WHERE b.id = $1 FOR UPDATE OF b`,
    [id],
  );
  if (!row) return null;
  return {
    id: row.id,
    sequenceId: row.sequence_id,
    actorId: row.actor_id,
    action: row.action,
    sequenceDeleted: row.deleted,
    undoResult: row.undo_result,
  };
}

/**
 * Puts back every enrollment of the batch that nothing changed since (same version) and whose
 * contact is not live in another enrollment meanwhile (one sequence at a time); reports the rest.
 * One UPDATE … FROM the batch's items; the rows it did not restore are looked up afterwards
 * within the same statement's snapshot.
 */
export async function undoBatch(
  tx: Queryable,
  batchId: number,
  sequenceDeleted: boolean,
): Promise<{ restored: number; notRestoredTotal: number; notRestored: Array<{ enrollmentId: string; reason: NotRestoredReason }> }> {
  if (sequenceDeleted) {
    const [row] = await tx.query<{ n: number; items: number[] | null }>(
      `SELECT count(*)::int AS n,
              (SELECT array_agg(enrollment_id ORDER BY enrollment_id)
                 FROM (SELECT enrollment_id FROM unenroll_batch_items WHERE batch_id = $1 ORDER BY enrollment_id LIMIT $2) s) AS items
         FROM unenroll_batch_items WHERE batch_id = $1`,
      [batchId, MAX_LISTED_ITEMS],
    );
    return {
      restored: 0,
      notRestoredTotal: row?.n ?? 0,
      notRestored: (row?.items ?? []).map((id) => ({ enrollmentId: String(id), reason: 'sequence-deleted' as const })),
    };
  }
  const [row] = await tx.query<{
    restored: number;
    not_restored: number;
    items: Array<{ id: number; reason: NotRestoredReason }> | null;
  }>(
    `WITH restored AS (
       UPDATE enrollments e
          SET status = i.prev_status, current_step = i.prev_step, next_step_at = i.prev_next_step_at,
              unenroll_reason = NULL, unenrolled_by = NULL, unenrolled_at = NULL, version = e.version + 1
         FROM unenroll_batch_items i
        WHERE i.batch_id = $1 AND e.id = i.enrollment_id AND e.version = i.version
          AND NOT EXISTS (SELECT 1 FROM enrollments x
                           WHERE x.contact_id = e.contact_id AND x.id <> e.id AND x.status IN ${LIVE})
       RETURNING e.id
     ), left_out AS (
       SELECT i.enrollment_id AS id,
              CASE WHEN e.version <> i.version THEN 'changed-since' ELSE 'enrolled-elsewhere' END AS reason
         FROM unenroll_batch_items i JOIN enrollments e ON e.id = i.enrollment_id
        WHERE i.batch_id = $1 AND NOT EXISTS (SELECT 1 FROM restored r WHERE r.id = i.enrollment_id)
     )
     SELECT (SELECT count(*)::int FROM restored) AS restored,
            (SELECT count(*)::int FROM left_out) AS not_restored,
            (SELECT json_agg(json_build_object('id', l.id, 'reason', l.reason) ORDER BY l.id)
               FROM (SELECT id, reason FROM left_out ORDER BY id LIMIT $2) l) AS items`,
    [batchId, MAX_LISTED_ITEMS],
  );
  return {
    restored: row?.restored ?? 0,
    notRestoredTotal: row?.not_restored ?? 0,
    notRestored: (row?.items ?? []).map((i) => ({ enrollmentId: String(i.id), reason: i.reason })),
  };
}

/**
 * Undo of a Needs attention batch, which may span sequences: the same rule as `undoBatch`, per
 * row — a row in a sequence deleted since is left, and so is one changed since; a re-enroll
 * also gets its send problem and last activity back, and an enrollment that was never enrolled
 * (failed) goes back to failed whatever else the contact is in. Returns how many were restored
 * in each sequence, for their History.
 */
export async function undoAttentionBatch(
  tx: Queryable,
  batchId: number,
  action: 'unenroll' | 'reenroll',
): Promise<{
  restored: number;
  bySequence: Map<number, number>;
  notRestoredTotal: number;
  notRestored: Array<{ enrollmentId: string; reason: NotRestoredReason }>;
}> {
  const reenrolled = action === 'reenroll' ? ', email_error = i.prev_email_error, last_activity_at = i.prev_last_activity_at' : '';
  const [row] = await tx.query<{
    not_restored: number;
    by_sequence: Array<{ id: number; n: number }> | null;
    items: Array<{ id: number; reason: NotRestoredReason }> | null;
  }>(
    `WITH restored AS (
       UPDATE enrollments e
          SET status = i.prev_status, current_step = i.prev_step, next_step_at = i.prev_next_step_at,
              unenroll_reason = NULL, unenrolled_by = NULL, unenrolled_at = NULL, version = e.version + 1${reenrolled}
         FROM unenroll_batch_items i
        WHERE i.batch_id = $1 AND e.id = i.enrollment_id AND e.version = i.version
          AND EXISTS (SELECT 1 FROM sequences s WHERE s.id = e.sequence_id AND s.deleted_at IS NULL)
          AND (i.prev_status = 'failed' OR NOT EXISTS (SELECT 1 FROM enrollments x
                 WHERE x.contact_id = e.contact_id AND x.id <> e.id AND x.status IN ${LIVE}))
       RETURNING e.id, e.sequence_id
     ), left_out AS (
       SELECT i.enrollment_id AS id,
              CASE WHEN s.deleted_at IS NOT NULL THEN 'sequence-deleted'
                   WHEN e.version <> i.version THEN 'changed-since' ELSE 'enrolled-elsewhere' END AS reason
         FROM unenroll_batch_items i JOIN enrollments e ON e.id = i.enrollment_id JOIN sequences s ON s.id = e.sequence_id
        WHERE i.batch_id = $1 AND NOT EXISTS (SELECT 1 FROM restored r WHERE r.id = i.enrollment_id)
     )
     SELECT (SELECT json_agg(json_build_object('id', g.sequence_id, 'n', g.n) ORDER BY g.sequence_id)
               FROM (SELECT sequence_id, count(*)::int AS n FROM restored GROUP BY sequence_id) g) AS by_sequence,
            (SELECT count(*)::int FROM left_out) AS not_restored,
            (SELECT json_agg(json_build_object('id', l.id, 'reason', l.reason) ORDER BY l.id)
               FROM (SELECT id, reason FROM left_out ORDER BY id LIMIT $2) l) AS items`,
    [batchId, MAX_LISTED_ITEMS],
  );
  const bySequence = new Map((row?.by_sequence ?? []).map((g) => [g.id, g.n]));
  return {
    restored: [...bySequence.values()].reduce((a, b) => a + b, 0),
    bySequence,
    notRestoredTotal: row?.not_restored ?? 0,
    notRestored: (row?.items ?? []).map((i) => ({ enrollmentId: String(i.id), reason: i.reason })),
  };
}

export async function markBatchUndone(tx: Queryable, id: number, by: number, at: Date, result: unknown): Promise<void> {
  await tx.query('UPDATE unenroll_batches SET undone_at = $2, undone_by = $3, undo_result = $4 WHERE id = $1', [
    id,
    at,
    by,
    JSON.stringify(result),
  ]);
}
