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
  /** The group's inbox: for INBOX_DISCONNECTED only. */
  inboxId: number | null;
  sequenceId: number;
  count: number;
  /** How many the group's remedy would change now. */
  fixable: number;
}

export interface AttentionTallies {
  /** Under the filter: per group and sequence. */
  cells: AttentionCell[];
  /** Without the filter, for its choices: per sequence, enroller and inbox. */
  sequences: Array<[number, number]>;
  owners: Array<[number, number]>;
  inboxes: Array<[number, number]>;
}

/**
 * Every enrollment that needs attention and that the viewer may see, counted in one pass over
 * the two partial indexes of migration 010, four ways at once (GROUPING SETS): per group and
 * sequence under the filter (the page's groups), and per sequence, enroller and inbox without
 * it (the filters' choices). About a thousand rows come back, however many enrollments there are.
 */
export async function attentionTallies(db: Queryable, viewer: Viewer, filter: AttentionFilter): Promise<AttentionTallies> {
  // Deleted sequences are few: leaving them out by id is cheaper than a join per row.
  const deleted = (await db.query<{ id: number }>('SELECT id FROM sequences WHERE deleted_at IS NOT NULL')).map((r) => r.id);
  const params: unknown[] = [deleted];
  const live = `NOT (e.sequence_id = ANY($1::int[]))${viewerSql(viewer, params)}`;
  const f = [
    filter.sequenceId ? `a.sequence_id = $${params.push(Number(filter.sequenceId))}` : null,
    filter.enrolledBy ? `a.enrolled_by = $${params.push(Number(filter.enrolledBy))}` : null,
    filter.inboxId ? `a.inbox_id = $${params.push(Number(filter.inboxId))}` : null,
  ]
    .filter(Boolean)
    .join(' AND ') || 'true';
  const rows = await db.query<{
    g_code: number;
    g_seq: number;
    g_by: number;
    code: AttentionCode | null;
    group_inbox: number | null;
    sequence_id: number | null;
    enrolled_by: number | null;
    inbox_id: number | null;
    n: number;
    shown: number;
    fixable: number;
  }>(
    // Each kind is first counted in the order of its index (a cheap grouped scan), and only those
    // few thousand counts are joined and summed the four ways.
    `WITH steps AS (SELECT sequence_id, count(*)::int AS total FROM sequence_steps GROUP BY sequence_id),
     p AS (
       SELECT e.email_error AS code, e.inbox_id, e.sequence_id, e.enrolled_by, e.current_step, count(*)::int AS n
         FROM enrollments e WHERE ${PAUSED} AND ${live}
        GROUP BY e.email_error, e.inbox_id, e.sequence_id, e.enrolled_by, e.current_step),
     f AS (
       SELECT e.enroll_error AS code, e.inbox_id, e.sequence_id, e.enrolled_by, count(*)::int AS n
         FROM enrollments e WHERE ${FAILED} AND ${live}
        GROUP BY e.enroll_error, e.sequence_id, e.enrolled_by, e.inbox_id),
     a AS (
       SELECT p.code, p.inbox_id, p.sequence_id, p.enrolled_by,
              CASE WHEN p.code = 'INBOX_DISCONNECTED' THEN p.inbox_id END AS group_inbox, p.n,
              CASE WHEN p.code = 'SEND_LIMIT_REACHED' THEN (CASE WHEN p.current_step < st.total THEN p.n ELSE 0 END)
                   WHEN coalesce(i.connected, false) THEN p.n ELSE 0 END AS fixable
         FROM p JOIN steps st ON st.sequence_id = p.sequence_id LEFT JOIN inboxes i ON i.id = p.inbox_id
       UNION ALL
       SELECT f.code, f.inbox_id, f.sequence_id, f.enrolled_by, NULL::int, f.n, f.n FROM f)
     SELECT grouping(a.code)::int AS g_code, grouping(a.sequence_id)::int AS g_seq, grouping(a.enrolled_by)::int AS g_by,
            a.code, a.group_inbox, a.sequence_id, a.enrolled_by, a.inbox_id,
            sum(a.n)::int AS n,
            coalesce(sum(a.n) FILTER (WHERE ${f}), 0)::int AS shown,
            coalesce(sum(a.fixable) FILTER (WHERE ${f}), 0)::int AS fixable
       FROM a
      GROUP BY GROUPING SETS ((a.code, a.group_inbox, a.sequence_id), (a.sequence_id), (a.enrolled_by), (a.inbox_id))`,
    params,
  );
  const out: AttentionTallies = { cells: [], sequences: [], owners: [], inboxes: [] };
  for (const r of rows) {
    if (r.g_code === 0) {
      if (r.shown > 0) {
        out.cells.push({
          kind: isSendProblem(r.code!) ? 'send' : 'contact',
          code: r.code!,
          inboxId: r.group_inbox,
          sequenceId: r.sequence_id!,
          count: r.shown,
          fixable: r.fixable,
        });
      }
    } else if (r.g_seq === 0) out.sequences.push([r.sequence_id!, r.n]);
    else if (r.g_by === 0) out.owners.push([r.enrolled_by!, r.n]);
    else if (r.inbox_id !== null) out.inboxes.push([r.inbox_id, r.n]);
  }
  return out;
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
