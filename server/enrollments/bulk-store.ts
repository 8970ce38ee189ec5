import type { EnrollmentStatus, UnenrollReason } from '../../src/contract/codes';
import {
  MAX_LISTED_ITEMS,
  type BulkSkipReason,
  type BulkUnenrollResult,
  type EnrollmentFilter,
  type NotRestoredReason,
} from '../../src/contract/enrollments';
import { AuditAction, type AuditEntry, type ScheduledStep, type StepType } from '../../src/contract/sequences';
import type { IntegrationKey } from '../../src/contract/integrations';
import type { Queryable } from '../store/db';
import type { Viewer } from '../http/context';
import { filterSql } from './store';

// SQL of unenrolling (issue 4). Bulk unenroll and Undo are set-based: a handful of statements
// whatever the number of rows, so 200,000 rows cost about what one plain UPDATE of them costs.

const LIVE = `('active', 'paused')`;
const DONE = `('failed', 'finished', 'unenrolled')`;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

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
  sequenceId: number;
  actorId: number;
  sequenceDeleted: boolean;
  undoResult: unknown;
}

/** A batch, locked for the transaction (two Undos of one batch run one after the other). */
export async function lockBatch(tx: Queryable, id: number): Promise<BatchRow | null> {
  const [row] = await tx.query<{ id: number; sequence_id: number; actor_id: number; undo_result: unknown; deleted: boolean }>(
    `SELECT b.id, b.sequence_id, b.actor_id, b.undo_result, s.deleted_at IS NOT NULL AS deleted
       FROM unenroll_batches b JOIN sequences s ON s.id = b.sequence_id
      WHERE b.id = $1 FOR UPDATE OF b`,
    [id],
  );
  if (!row) return null;
  return {
    id: row.id,
    sequenceId: row.sequence_id,
    actorId: row.actor_id,
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

export async function markBatchUndone(tx: Queryable, id: number, by: number, at: Date, result: unknown): Promise<void> {
  await tx.query('UPDATE unenroll_batches SET undone_at = $2, undone_by = $3, undo_result = $4 WHERE id = $1', [
    id,
    at,
    by,
    JSON.stringify(result),
  ]);
}

// ---------------------------------------------------------------------------------------------
// History

const HISTORY_ACTIONS = AuditAction.options;

/** One keyset page of a sequence's audit log, newest first. */
export async function listHistory(
  db: Queryable,
  sequenceId: number,
  limit: number,
  after: [string, number] | null,
): Promise<{ items: AuditEntry[]; last: [string, number] | null; hasMore: boolean }> {
  const params: unknown[] = [`sequence:${sequenceId}`, HISTORY_ACTIONS];
  const seek = after ? ` AND (a.at, a.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::bigint)` : '';
  params.push(limit + 1);
  const rows = await db.query<{
    id: number;
    at: Date;
    actor_id: number | null;
    actor_name: string | null;
    action: AuditEntry['action'];
    details: Record<string, unknown>;
  }>(
    `SELECT a.id::float8 AS id, a.at, a.actor_id, u.name AS actor_name, a.action, a.details
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
      WHERE a.subject = $1 AND a.action = ANY($2::text[])${seek}
      ORDER BY a.at DESC, a.id DESC
      LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toAuditEntry(r)),
    last: last ? [new Date(last.at).toISOString(), last.id] : null,
    hasMore: rows.length > limit,
  };
}

function toAuditEntry(r: {
  id: number;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  action: AuditEntry['action'];
  details: Record<string, unknown>;
}): AuditEntry {
  const d = r.details ?? {};
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const count =
    r.action === 'enroll' ? num(d.enrolled) : r.action === 'reenroll' ? 1 : r.action === 'settings' ? 0 : num(d.count);
  const filter = d.filter && typeof d.filter === 'object' ? (d.filter as Record<string, string>) : null;
  return {
    id: String(r.id),
    at: iso(r.at) as string,
    actor: r.actor_id === null ? null : { id: String(r.actor_id), name: r.actor_name ?? '' },
    action: r.action,
    count: count ?? 0,
    filter,
    batchId: d.batchId === undefined || d.batchId === null ? null : String(d.batchId),
    reason: typeof d.reason === 'string' ? (d.reason as UnenrollReason) : null,
    details: d,
  };
}

// ---------------------------------------------------------------------------------------------
// Scheduled steps

export interface ScheduledFilter {
  type?: StepType;
  from?: string;
  to?: string;
}

function scheduledWhere(sequenceId: number, filter: ScheduledFilter, viewer: Viewer, params: unknown[]): string {
  const add = (v: unknown) => `$${params.push(v)}`;
  const where = [`e.sequence_id = ${add(sequenceId)}`, `e.status = 'active'`, 'e.next_step_at IS NOT NULL'];
  if (viewer.onlyOwn) where.push(`e.enrolled_by = ${add(viewer.userId)}`);
  if (filter.type) where.push(`st.type = ${add(filter.type)}`);
  if (filter.from) where.push(`e.next_step_at >= ${add(filter.from)}::timestamptz`);
  if (filter.to) where.push(`e.next_step_at < ${add(filter.to)}::timestamptz`);
  return where.join(' AND ');
}

/** Upcoming steps of a sequence's active enrollments, soonest first, one keyset page. */
export async function listScheduled(
  db: Queryable,
  sequenceId: number,
  filter: ScheduledFilter,
  viewer: Viewer,
  limit: number,
  after: [string, number] | null,
): Promise<{ items: ScheduledStep[]; last: [string, number] | null; hasMore: boolean; total: number }> {
  const params: unknown[] = [];
  const where = scheduledWhere(sequenceId, filter, viewer, params);
  const countParams = [...params];
  const seek = after ? ` AND (e.next_step_at, e.id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::int)` : '';
  params.push(limit + 1);
  const join = 'JOIN sequence_steps st ON st.sequence_id = e.sequence_id AND st.position = e.current_step';
  const [rows, [count]] = await Promise.all([
    db.query<{
      id: number;
      contact_id: number;
      contact_name: string;
      contact_email: string;
      position: number;
      type: StepType;
      subject: string | null;
      total_steps: number;
      next_step_at: Date;
      inbox_id: number | null;
      inbox_address: string | null;
      inbox_connected: boolean | null;
      enrolled_by: number;
      enrolled_by_name: string;
    }>(
      `SELECT e.id, e.contact_id, e.contact_name, e.contact_email, st.position, st.type, st.subject,
              (SELECT count(*)::int FROM sequence_steps x WHERE x.sequence_id = e.sequence_id) AS total_steps,
              e.next_step_at, e.inbox_id, i.address AS inbox_address, i.connected AS inbox_connected,
              e.enrolled_by, u.name AS enrolled_by_name
         FROM enrollments e ${join}
         JOIN users u ON u.id = e.enrolled_by
         LEFT JOIN inboxes i ON i.id = e.inbox_id
        WHERE ${where}${seek}
        ORDER BY e.next_step_at, e.id
        LIMIT $${params.length}`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM enrollments e ${join} WHERE ${where}`, countParams),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      enrollmentId: String(r.id),
      contact: { id: String(r.contact_id), name: r.contact_name, email: r.contact_email },
      step: { position: r.position, type: r.type, subject: r.subject },
      totalSteps: r.total_steps,
      sendAt: iso(r.next_step_at) as string,
      inbox: r.inbox_id
        ? { id: String(r.inbox_id), address: r.inbox_address ?? '', connected: r.inbox_connected ?? false }
        : null,
      enrolledBy: { id: String(r.enrolled_by), name: r.enrolled_by_name },
    })),
    last: last ? [iso(last.next_step_at) as string, last.id] : null,
    hasMore: rows.length > limit,
    total: count?.n ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Sequence settings, steps

export async function setUnenrollSameCompany(tx: Queryable, sequenceId: number, value: boolean): Promise<void> {
  await tx.query('UPDATE sequences SET unenroll_same_company = $2 WHERE id = $1', [sequenceId, value]);
}

/** Moves an active enrollment to its next step, due after that step's delay. */
export async function advanceStep(tx: Queryable, id: number, now: Date): Promise<void> {
  await tx.query(
    `UPDATE enrollments e
        SET current_step = e.current_step + 1,
            next_step_at = $2::timestamptz + make_interval(days => st.delay_days),
            last_activity_at = $2, version = e.version + 1
       FROM sequence_steps st
      WHERE e.id = $1 AND st.sequence_id = e.sequence_id AND st.position = e.current_step + 1`,
    [id, now],
  );
}

/** The last step is done: the enrollment ends with reason FINISHED (rule 10). */
export async function markFinished(tx: Queryable, id: number, now: Date): Promise<void> {
  await tx.query(
    `UPDATE enrollments SET status = 'finished', unenroll_reason = 'FINISHED', unenrolled_by = NULL, unenrolled_at = $2,
            next_step_at = NULL, last_activity_at = $2, version = version + 1
      WHERE id = $1`,
    [id, now],
  );
}

// ---------------------------------------------------------------------------------------------
// Integration keys

const KEY_SELECT = `k.id, k.name, k.prefix, k.created_at, k.created_by, u.name AS created_by_name, k.last_used_at, k.revoked_at`;
type KeyRow = {
  id: number;
  name: string;
  prefix: string;
  created_at: Date;
  created_by: number;
  created_by_name: string;
  last_used_at: Date | null;
  revoked_at: Date | null;
};
const toKey = (r: KeyRow): IntegrationKey => ({
  id: String(r.id),
  name: r.name,
  prefix: r.prefix,
  createdAt: iso(r.created_at) as string,
  createdBy: { id: String(r.created_by), name: r.created_by_name },
  lastUsedAt: iso(r.last_used_at),
  revokedAt: iso(r.revoked_at),
});

export async function insertIntegrationKey(
  db: Queryable,
  k: { name: string; prefix: string; keyHash: string; createdBy: number; now: Date },
): Promise<IntegrationKey> {
  const [row] = await db.query<KeyRow>(
    `WITH k AS (
       INSERT INTO integration_keys (name, prefix, key_hash, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING *)
     SELECT ${KEY_SELECT} FROM k JOIN users u ON u.id = k.created_by`,
    [k.name, k.prefix, k.keyHash, k.createdBy, k.now],
  );
  return toKey(row!);
}

export async function listIntegrationKeys(db: Queryable): Promise<IntegrationKey[]> {
  const rows = await db.query<KeyRow>(
    `SELECT ${KEY_SELECT} FROM integration_keys k JOIN users u ON u.id = k.created_by ORDER BY k.created_at DESC, k.id DESC`,
  );
  return rows.map(toKey);
}

/** Revokes a key; false when there is no such key. */
export async function revokeIntegrationKey(db: Queryable, id: number, now: Date): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    'UPDATE integration_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING id',
    [id, now],
  );
  return rows.length > 0;
}

/** The live key with this hash, marked as used now; null when unknown or revoked. */
export async function touchIntegrationKey(db: Queryable, keyHash: string, now: Date): Promise<{ id: number; name: string } | null> {
  const [row] = await db.query<{ id: number; name: string }>(
    'UPDATE integration_keys SET last_used_at = $2 WHERE key_hash = $1 AND revoked_at IS NULL RETURNING id, name',
    [keyHash, now],
  );
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Activity events

/** Claims an event id for this transaction; false when it was seen before. */
export async function claimActivityEvent(
  tx: Queryable,
  e: { eventId: string; type: string; keyId: number; occurredAt: string; receivedAt: Date; payload: unknown },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO activity_events (event_id, type, key_id, occurred_at, received_at, payload, result)
     VALUES ($1, $2, $3, $4, $5, $6, '{}'::jsonb)
     ON CONFLICT (event_id) DO NOTHING RETURNING 1`,
    [e.eventId, e.type, e.keyId, e.occurredAt, e.receivedAt, JSON.stringify(e.payload)],
  );
  return rows.length > 0;
}

export async function activityEventResult(db: Queryable, eventId: string): Promise<unknown> {
  const [row] = await db.query<{ result: unknown }>('SELECT result FROM activity_events WHERE event_id = $1', [eventId]);
  return row?.result ?? null;
}

export async function saveActivityEventResult(tx: Queryable, eventId: string, result: unknown): Promise<void> {
  await tx.query('UPDATE activity_events SET result = $2 WHERE event_id = $1', [eventId, JSON.stringify(result)]);
}

export async function findContact(
  db: Queryable,
  ref: { id: string } | { email: string },
): Promise<{ id: number; companyId: number | null } | null> {
  const [row] =
    'id' in ref
      ? await db.query<{ id: number; company_id: number | null }>('SELECT id, company_id FROM contacts WHERE id = $1', [Number(ref.id)])
      : await db.query<{ id: number; company_id: number | null }>(
          'SELECT id, company_id FROM contacts WHERE lower(email) = lower($1) ORDER BY id LIMIT 1',
          [ref.email],
        );
  return row ? { id: row.id, companyId: row.company_id } : null;
}

/** A live enrollment with what the unenroll rules look at. */
export interface LiveEnrollment {
  id: number;
  contactId: number;
  contactEmail: string;
  sequenceId: number;
  status: EnrollmentStatus;
  enrolledBy: number;
  enrolledAt: Date;
  sequenceCreatedBy: number;
  unenrollSameCompany: boolean;
  senderAddresses: string[];
}

export type LiveScope =
  | { contactId: number }
  | { companyId: number; exceptContactId: number }
  | { sequenceId: number }
  | { createdBy: number };

/** Live (active or paused) enrollments of undeleted sequences in a scope, locked. */
export async function liveEnrollments(tx: Queryable, scope: LiveScope): Promise<LiveEnrollment[]> {
  const [cond, params] =
    'contactId' in scope
      ? ['e.contact_id = $1', [scope.contactId]]
      : 'companyId' in scope
        ? ['e.contact_id IN (SELECT c.id FROM contacts c WHERE c.company_id = $1 AND c.id <> $2)', [scope.companyId, scope.exceptContactId]]
        : 'sequenceId' in scope
          ? ['e.sequence_id = $1', [scope.sequenceId]]
          : ['s.created_by = $1', [scope.createdBy]];
  const rows = await tx.query<{
    id: number;
    contact_id: number;
    contact_email: string;
    sequence_id: number;
    status: EnrollmentStatus;
    enrolled_by: number;
    enrolled_at: Date;
    created_by: number;
    unenroll_same_company: boolean;
    senders: string[] | null;
  }>(
    `SELECT e.id, e.contact_id, e.contact_email, e.sequence_id, e.status, e.enrolled_by, e.enrolled_at,
            s.created_by, s.unenroll_same_company,
            (SELECT array_agg(i.address ORDER BY i.id) FROM inboxes i WHERE i.user_id = e.enrolled_by) AS senders
       FROM enrollments e JOIN sequences s ON s.id = e.sequence_id
      WHERE ${cond} AND e.status IN ${LIVE} AND s.deleted_at IS NULL
      ORDER BY e.id
      FOR UPDATE OF e`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    contactId: r.contact_id,
    contactEmail: r.contact_email,
    sequenceId: r.sequence_id,
    status: r.status,
    enrolledBy: r.enrolled_by,
    enrolledAt: new Date(r.enrolled_at),
    sequenceCreatedBy: r.created_by,
    unenrollSameCompany: r.unenroll_same_company,
    senderAddresses: r.senders ?? [],
  }));
}

/** Unenrolls enrollments automatically, each with its reason, and writes one audit entry per
 * sequence and reason. */
export async function applyAutomaticUnenrolls(
  tx: Queryable,
  rows: Array<{ id: number; sequenceId: number; reason: UnenrollReason }>,
  now: Date,
  event: { eventId: string; type: string },
): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `UPDATE enrollments e
        SET status = 'unenrolled', unenroll_reason = v.reason, unenrolled_by = NULL, unenrolled_at = $3,
            next_step_at = NULL, version = e.version + 1
       FROM unnest($1::int[], $2::text[]) AS v(id, reason)
      WHERE e.id = v.id AND e.status IN ${LIVE}`,
    [rows.map((r) => r.id), rows.map((r) => r.reason), now],
  );
  await tx.query(
    `INSERT INTO audit_log (at, actor_id, action, subject, details)
     SELECT $3, NULL, 'auto-unenroll', 'sequence:' || v.sequence_id,
            jsonb_build_object('count', count(*), 'reason', v.reason, 'eventId', $4::text, 'eventType', $5::text)
       FROM unnest($1::int[], $2::text[]) AS v(sequence_id, reason)
      GROUP BY v.sequence_id, v.reason
      ORDER BY v.sequence_id, v.reason`,
    [rows.map((r) => r.sequenceId), rows.map((r) => r.reason), now, event.eventId, event.type],
  );
}

export async function markSequenceDeleted(tx: Queryable, sequenceId: number, at: Date): Promise<void> {
  await tx.query('UPDATE sequences SET deleted_at = coalesce(deleted_at, $2) WHERE id = $1', [sequenceId, at]);
}

/** A removed user can no longer sign in (their sessions stop resolving). */
export async function deactivateUser(tx: Queryable, userId: number): Promise<void> {
  await tx.query('UPDATE users SET active = false WHERE id = $1', [userId]);
}
