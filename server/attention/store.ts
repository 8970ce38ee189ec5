import type { AttentionFilter, AttentionGroupKey } from '../../src/contract/attention';
import type { EmailProblem, InboxProvider } from '../../src/contract/codes';
import { isSendProblem, type AttentionCode } from '../../src/domain/attention';
import type { Viewer } from '../http/context';
import type { Queryable } from '../store/db';

// SQL of Needs attention. The rows that need a person are few (paused by a send problem, or
// refused with an error code), and migration 010 keeps a partial index of each kind, so the
// grouping reads those indexes, not the million rows of the table.

/** Paused by a send problem, or refused with an enrollment error: what Needs attention lists. */
const PAUSED = `e.status = 'paused' AND e.email_error IS NOT NULL`;
const FAILED = `e.status = 'failed' AND e.enroll_error IS NOT NULL`;
const VISIBLE_SEQUENCE = `EXISTS (SELECT 1 FROM sequences s WHERE s.id = e.sequence_id AND s.deleted_at IS NULL)`;

/** What the viewer may see: reps only the enrollments they made. */
function viewerSql(viewer: Viewer, params: unknown[]): string {
  return viewer.onlyOwn ? ` AND e.enrolled_by = $${params.push(viewer.userId)}` : '';
}

function filterSql(filter: AttentionFilter, params: unknown[]): string {
  let sql = '';
  if (filter.sequenceId) sql += ` AND e.sequence_id = $${params.push(Number(filter.sequenceId))}`;
  if (filter.enrolledBy) sql += ` AND e.enrolled_by = $${params.push(Number(filter.enrolledBy))}`;
  if (filter.inboxId) sql += ` AND e.inbox_id = $${params.push(Number(filter.inboxId))}`;
  return sql;
}

export interface AttentionCell {
  kind: 'send' | 'contact';
  code: AttentionCode;
  inboxId: number | null;
  sequenceId: number;
  enrolledBy: number;
  count: number;
  /** How many the group's remedy would change now. */
  fixable: number;
}

/**
 * Every enrollment that needs attention and that the viewer may see, counted by code, inbox,
 * sequence and enroller: the cells the page's groups and its filter choices are summed from.
 * A few thousand cells at most, however many enrollments there are.
 */
export async function attentionCells(db: Queryable, viewer: Viewer): Promise<AttentionCell[]> {
  const params: unknown[] = [];
  const mine = viewerSql(viewer, params);
  const rows = await db.query<{
    kind: 'send' | 'contact';
    code: AttentionCode;
    inbox_id: number | null;
    sequence_id: number;
    enrolled_by: number;
    n: number;
    fixable: number;
  }>(
    `WITH steps AS (SELECT sequence_id, count(*)::int AS total FROM sequence_steps GROUP BY sequence_id),
     paused AS (
       SELECT e.email_error AS code, e.inbox_id, e.sequence_id, e.enrolled_by, count(*)::int AS n,
              count(*) FILTER (WHERE e.email_error = 'SEND_LIMIT_REACHED' AND e.current_step < st.total)::int AS next_ok
         FROM enrollments e JOIN steps st ON st.sequence_id = e.sequence_id
        WHERE ${PAUSED}${mine} AND ${VISIBLE_SEQUENCE}
        GROUP BY e.email_error, e.inbox_id, e.sequence_id, e.enrolled_by)
     SELECT 'send' AS kind, p.code, p.inbox_id, p.sequence_id, p.enrolled_by, p.n,
            CASE WHEN p.code = 'SEND_LIMIT_REACHED' THEN p.next_ok
                 WHEN coalesce(i.connected, false) THEN p.n ELSE 0 END AS fixable
       FROM paused p LEFT JOIN inboxes i ON i.id = p.inbox_id
     UNION ALL
     SELECT 'contact', e.enroll_error, e.inbox_id, e.sequence_id, e.enrolled_by, count(*)::int, count(*)::int
       FROM enrollments e
      WHERE ${FAILED}${mine} AND ${VISIBLE_SEQUENCE}
      GROUP BY e.enroll_error, e.inbox_id, e.sequence_id, e.enrolled_by`,
    params,
  );
  return rows.map((r) => ({
    kind: r.kind,
    code: r.code,
    inboxId: r.inbox_id,
    sequenceId: r.sequence_id,
    enrolledBy: r.enrolled_by,
    count: r.n,
    fixable: r.fixable,
  }));
}

export async function sequenceNames(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  const rows = await db.query<{ id: number; name: string }>('SELECT id, name FROM sequences WHERE id = ANY($1::int[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function userNames(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  const rows = await db.query<{ id: number; name: string }>('SELECT id, name FROM users WHERE id = ANY($1::int[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface InboxRow {
  id: number;
  address: string;
  provider: InboxProvider;
  connected: boolean;
}

export async function inboxesById(db: Queryable, ids: number[]): Promise<Map<number, InboxRow>> {
  const rows = await db.query<InboxRow>('SELECT id, address, provider, connected FROM inboxes WHERE id = ANY($1::int[])', [ids]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** ALREADY_ENROLLED: the sequences the contacts are enrolled in, biggest first. */
export async function relatedSequences(
  db: Queryable,
  filter: AttentionFilter,
  viewer: Viewer,
  limit: number,
): Promise<Array<{ id: number; name: string; count: number }>> {
  const params: unknown[] = [];
  const where = `${FAILED} AND e.enroll_error = 'ALREADY_ENROLLED'${viewerSql(viewer, params)}${filterSql(filter, params)} AND ${VISIBLE_SEQUENCE}`;
  return db.query(
    `SELECT r.id, r.name, count(*)::int AS count
       FROM enrollments e JOIN sequences r ON r.id = e.related_sequence_id
      WHERE ${where}
      GROUP BY r.id, r.name ORDER BY count(*) DESC, r.id LIMIT $${params.push(limit)}`,
    params,
  );
}

// ---------------------------------------------------------------------------------------------
// Remedies

/** The WHERE over enrollments `e` of one group under the page's filters, for the viewer. */
export function groupWhere(group: AttentionGroupKey, filter: AttentionFilter, viewer: Viewer, params: unknown[]): string {
  const code = group.code;
  let sql = isSendProblem(code)
    ? `${PAUSED} AND e.email_error = $${params.push(code)}`
    : `${FAILED} AND e.enroll_error = $${params.push(code)}`;
  if (group.inboxId) sql += ` AND e.inbox_id = $${params.push(Number(group.inboxId))}`;
  return `${sql}${viewerSql(viewer, params)}${filterSql(filter, params)} AND ${VISIBLE_SEQUENCE}`;
}

export interface PausedRow {
  id: number;
  sequenceId: number;
  problem: EmailProblem;
  currentStep: number;
  totalSteps: number;
  inboxId: number | null;
  inboxConnected: boolean;
  provider: InboxProvider | null;
}

/** The paused enrollments of a send-problem group, the longest waiting first. */
export async function pausedRowsOf(
  tx: Queryable,
  group: AttentionGroupKey,
  filter: AttentionFilter,
  viewer: Viewer,
): Promise<PausedRow[]> {
  const params: unknown[] = [];
  const where = groupWhere(group, filter, viewer, params);
  const rows = await tx.query<{
    id: number;
    sequence_id: number;
    email_error: EmailProblem;
    current_step: number;
    total: number;
    inbox_id: number | null;
    connected: boolean | null;
    provider: InboxProvider | null;
  }>(
    `SELECT e.id, e.sequence_id, e.email_error, e.current_step,
            (SELECT count(*)::int FROM sequence_steps st WHERE st.sequence_id = e.sequence_id) AS total,
            e.inbox_id, i.connected, i.provider
       FROM enrollments e LEFT JOIN inboxes i ON i.id = e.inbox_id
      WHERE ${where}
      ORDER BY e.last_activity_at NULLS FIRST, e.id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    sequenceId: r.sequence_id,
    problem: r.email_error,
    currentStep: r.current_step,
    totalSteps: r.total,
    inboxId: r.inbox_id,
    inboxConnected: r.connected ?? false,
    provider: r.provider,
  }));
}

/** Steps already due from each inbox, per 24-hour window from `now` (overdue ones in the first). */
export async function inboxLoad(tx: Queryable, inboxIds: number[], now: Date): Promise<Map<number, number[]>> {
  const rows = await tx.query<{ inbox_id: number; day: number; n: number }>(
    `SELECT inbox_id, greatest(0, floor(extract(epoch FROM (next_step_at - $2::timestamptz)) / 86400))::int AS day,
            count(*)::int AS n
       FROM enrollments
      WHERE status = 'active' AND inbox_id = ANY($1::int[]) AND next_step_at IS NOT NULL
      GROUP BY 1, 2`,
    [inboxIds, now],
  );
  const load = new Map<number, number[]>();
  for (const r of rows) {
    const days = load.get(r.inbox_id) ?? [];
    days[r.day] = (days[r.day] ?? 0) + r.n;
    load.set(r.inbox_id, days);
  }
  return load;
}

export async function createBatch(
  tx: Queryable,
  a: { action: 'unenroll' | 'reenroll'; actorId: number; now: Date; selection: unknown; matched: number; changed: number },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO unenroll_batches (sequence_id, actor_id, created_at, selection, matched, unenrolled, action)
     VALUES (NULL, $1, $2, $3, $4, $5, $6) RETURNING id`,
    [a.actorId, a.now, JSON.stringify(a.selection), a.matched, a.changed, a.action],
  );
  return row!.id;
}

/**
 * Re-enrolls the given paused enrollments, each at its step and due at its time, recording
 * their state before in the batch for Undo. Two set-based statements over the lists.
 */
export async function reenrollRows(
  tx: Queryable,
  batchId: number,
  plan: { ids: number[]; steps: number[]; dueAt: Date[] },
  now: Date,
): Promise<number> {
  const lists = [plan.ids, plan.steps, plan.dueAt.map((d) => d.toISOString())];
  await tx.query(
    `INSERT INTO unenroll_batch_items (batch_id, enrollment_id, prev_status, prev_step, prev_next_step_at, version,
                                       prev_email_error, prev_last_activity_at)
     SELECT $1, e.id, e.status, e.current_step, e.next_step_at, e.version + 1, e.email_error, e.last_activity_at
       FROM enrollments e JOIN unnest($2::int[]) AS u(id) ON u.id = e.id`,
    [batchId, plan.ids],
  );
  const [row] = await tx.query<{ n: number }>(
    `WITH u AS (
       UPDATE enrollments e
          SET status = 'active', email_error = NULL, current_step = p.step, next_step_at = p.due,
              last_activity_at = $4, version = e.version + 1
         FROM unnest($1::int[], $2::int[], $3::timestamptz[]) AS p(id, step, due)
        WHERE e.id = p.id AND e.status = 'paused'
        RETURNING 1)
     SELECT count(*)::int AS n FROM u`,
    [...lists, now],
  );
  return row!.n;
}

export async function countGroup(tx: Queryable, group: AttentionGroupKey, filter: AttentionFilter, viewer: Viewer): Promise<number> {
  const params: unknown[] = [];
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM enrollments e WHERE ${groupWhere(group, filter, viewer, params)}`,
    params,
  );
  return row!.n;
}

/**
 * Unenrolls every enrollment of a contact-error group (all failed: refused with an error
 * code), recording each in the batch for Undo. Returns how many, by sequence.
 */
export async function unenrollGroup(
  tx: Queryable,
  a: { batchId: number; group: AttentionGroupKey; filter: AttentionFilter; viewer: Viewer; actorId: number; now: Date },
): Promise<Map<number, number>> {
  const rec: unknown[] = [];
  const recWhere = groupWhere(a.group, a.filter, a.viewer, rec);
  await tx.query(
    `INSERT INTO unenroll_batch_items (batch_id, enrollment_id, prev_status, prev_step, prev_next_step_at, version,
                                       prev_email_error, prev_last_activity_at)
     SELECT $${rec.push(a.batchId)}, e.id, e.status, e.current_step, e.next_step_at, e.version + 1, e.email_error, e.last_activity_at
       FROM enrollments e WHERE ${recWhere}`,
    rec,
  );
  const upd: unknown[] = [];
  const updWhere = groupWhere(a.group, a.filter, a.viewer, upd);
  const rows = await tx.query<{ sequence_id: number; n: number }>(
    `WITH u AS (
       UPDATE enrollments e
          SET status = 'unenrolled', unenroll_reason = 'BULK', unenrolled_by = $${upd.push(a.actorId)},
              unenrolled_at = $${upd.push(a.now)}, next_step_at = NULL, version = e.version + 1
        WHERE ${updWhere}
        RETURNING e.sequence_id)
     SELECT sequence_id, count(*)::int AS n FROM u GROUP BY sequence_id ORDER BY sequence_id`,
    upd,
  );
  return new Map(rows.map((r) => [r.sequence_id, r.n]));
}
