import type { UnenrollReason } from '../../src/contract/codes';
import {
  AuditAction,
  type AuditEntry,
  type ScheduledStep,
  type SequenceDetail,
  type SequenceListItem,
  type SequenceListQuery,
  type SequenceSortField,
  type StepType,
} from '../../src/contract/sequences';
import type { Viewer } from '../http/context';
import { fetchLimit, keysetPage, type KeysetPage } from '../http/cursor';
import type { Queryable } from '../store/db';
import { likePattern } from '../store/sql';

// Whitelisted ORDER BY expressions: the sort field never reaches SQL as text.
const SORT_SQL: Record<SequenceSortField, string> = {
  name: 'lower(s.name) COLLATE "C"',
  owner: 'lower(u.name) COLLATE "C"',
  steps: 'steps',
  activeEnrollments: 'active',
  openRate: 'open_rate',
  replyRate: 'reply_rate',
  meetingRate: 'meeting_rate',
  errorCount: 'errors',
};

/**
 * Sequences visible to a viewer with their figures. `onlyEnrolledBy` (reps) limits both the
 * list (sequences they own or enrolled contacts in) and the figures to their own enrollments.
 */
export async function listSequences(
  db: Queryable,
  query: SequenceListQuery,
  onlyEnrolledBy: number | null,
): Promise<SequenceListItem[]> {
  const order = `${SORT_SQL[query.sort]} ${query.dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, s.id ASC`;
  const rows = await db.query<{
    id: number;
    name: string;
    owner_id: number;
    owner_name: string;
    steps: number;
    active: number;
    open_rate: number | null;
    reply_rate: number | null;
    meeting_rate: number | null;
    errors: number;
  }>(
    // The figures come from sequence_figures (one row per sequence and enroller, kept by the
    // database in the same transaction as every change to enrollments: migration 007), so the
    // list costs the same whatever the number of enrollments.
    `SELECT s.id, s.name, u.id AS owner_id, u.name AS owner_name,
            (SELECT count(*) FROM sequence_steps st WHERE st.sequence_id = s.id)::int AS steps,
            agg.active, agg.errors,
            (agg.opened::float8 / NULLIF(agg.sent, 0)) AS open_rate,
            (agg.replied::float8 / NULLIF(agg.sent, 0)) AS reply_rate,
            (agg.meetings::float8 / NULLIF(agg.sent, 0)) AS meeting_rate
       FROM sequences s
       JOIN users u ON u.id = s.owner_id
       CROSS JOIN LATERAL (
         SELECT coalesce(sum(f.active), 0)::int AS active,
                coalesce(sum(f.sent), 0)::int AS sent,
                coalesce(sum(f.opened), 0)::int AS opened,
                coalesce(sum(f.replied), 0)::int AS replied,
                coalesce(sum(f.meetings), 0)::int AS meetings,
                coalesce(sum(f.with_errors), 0)::int AS errors
           FROM sequence_figures f
          WHERE f.sequence_id = s.id AND ($1::int IS NULL OR f.enrolled_by = $1)
       ) agg
      WHERE s.deleted_at IS NULL
        AND ($1::int IS NULL OR s.owner_id = $1
             OR EXISTS (SELECT 1 FROM sequence_figures f2
                         WHERE f2.sequence_id = s.id AND f2.enrolled_by = $1 AND f2.enrolled > 0))
        ${query.q ? 'AND s.name ILIKE $2' : ''}
      ORDER BY ${order}`,
    // The search is in the text only when asked: the list without one is a statement that
    // PostgreSQL keeps prepared (server/store/postgres-db.ts), a pattern search is not.
    query.q ? [onlyEnrolledBy, likePattern(query.q)] : [onlyEnrolledBy],
  );
  return rows.map((r) => ({
    id: String(r.id),
    name: r.name,
    owner: { id: String(r.owner_id), name: r.owner_name },
    steps: r.steps,
    activeEnrollments: r.active,
    openRate: r.open_rate,
    replyRate: r.reply_rate,
    meetingRate: r.meeting_rate,
    errorCount: r.errors,
  }));
}

/** Header figures, error summary and enrollers of one sequence, over the viewer's rows. */
export async function sequenceDetail(
  db: Queryable,
  id: number,
  onlyEnrolledBy: number | null,
): Promise<SequenceDetail | null> {
  const [s] = await db.query<{
    id: number;
    name: string;
    owner_id: number;
    owner_name: string;
    unenroll_same_company: boolean;
  }>(
    `SELECT s.id, s.name, s.owner_id, u.name AS owner_name, s.unenroll_same_company
       FROM sequences s JOIN users u ON u.id = s.owner_id WHERE s.id = $1 AND s.deleted_at IS NULL`,
    [id],
  );
  if (!s) return null;
  const [steps, [f], errors, enrollers] = await Promise.all([
    db.query<{ position: number; type: StepType; subject: string | null }>(
      'SELECT position, type, subject FROM sequence_steps WHERE sequence_id = $1 ORDER BY position',
      [id],
    ),
    db.query<Record<'enrolled' | 'active' | 'paused' | 'finished' | 'unenrolled' | 'with_errors' | 'sent' | 'opened' | 'clicked' | 'replied' | 'meetings', number>>(
      `SELECT coalesce(sum(enrolled), 0)::int AS enrolled,
              coalesce(sum(active), 0)::int AS active,
              coalesce(sum(paused), 0)::int AS paused,
              coalesce(sum(finished), 0)::int AS finished,
              coalesce(sum(unenrolled), 0)::int AS unenrolled,
              coalesce(sum(with_errors), 0)::int AS with_errors,
              coalesce(sum(sent), 0)::int AS sent,
              coalesce(sum(opened), 0)::int AS opened,
              coalesce(sum(clicked), 0)::int AS clicked,
              coalesce(sum(replied), 0)::int AS replied,
              coalesce(sum(meetings), 0)::int AS meetings
         FROM sequence_figures WHERE sequence_id = $1 AND ($2::int IS NULL OR enrolled_by = $2)`,
      [id, onlyEnrolledBy],
    ),
    db.query<{ code: string; kind: 'enroll' | 'email'; count: number }>(
      `SELECT code, kind, sum(count)::int AS count FROM sequence_error_counts
        WHERE sequence_id = $1 AND ($2::int IS NULL OR enrolled_by = $2)
        GROUP BY code, kind HAVING sum(count) > 0
        ORDER BY count DESC, code`,
      [id, onlyEnrolledBy],
    ),
    db.query<{ id: number; name: string }>(
      `SELECT u.id, u.name FROM users u
        WHERE u.id IN (SELECT enrolled_by FROM sequence_figures WHERE sequence_id = $1 AND enrolled > 0)
          AND ($2::int IS NULL OR u.id = $2)
        ORDER BY u.name`,
      [id, onlyEnrolledBy],
    ),
  ]);
  const rate = (n: number) => (f && f.sent > 0 ? n / f.sent : null);
  return {
    id: String(s.id),
    name: s.name,
    owner: { id: String(s.owner_id), name: s.owner_name },
    steps,
    unenrollSameCompany: s.unenroll_same_company,
    figures: {
      enrolled: f?.enrolled ?? 0,
      active: f?.active ?? 0,
      paused: f?.paused ?? 0,
      finished: f?.finished ?? 0,
      unenrolled: f?.unenrolled ?? 0,
      withErrors: f?.with_errors ?? 0,
      openRate: rate(f?.opened ?? 0),
      clickRate: rate(f?.clicked ?? 0),
      replyRate: rate(f?.replied ?? 0),
      meetingRate: rate(f?.meetings ?? 0),
    },
    errorSummary: errors,
    enrollers: enrollers.map((u) => ({ id: String(u.id), name: u.name })),
  };
}

/** The sequence if the viewer may see it (reps: ones they own or enrolled contacts in); null
 * when it does not exist, is deleted or is not theirs. */
export async function findVisibleSequence(
  db: Queryable,
  id: number,
  viewer: Viewer,
): Promise<{ id: number; name: string; ownerId: number; steps: number } | null> {
  const rows = await db.query<{ id: number; name: string; owner_id: number; steps: number }>(
    `SELECT s.id, s.name, s.owner_id, (SELECT count(*)::int FROM sequence_steps st WHERE st.sequence_id = s.id) AS steps
       FROM sequences s
      WHERE s.id = $1 AND s.deleted_at IS NULL
        AND ($2::int IS NULL OR s.owner_id = $2
             OR EXISTS (SELECT 1 FROM enrollments e WHERE e.sequence_id = s.id AND e.enrolled_by = $2))`,
    [id, viewer.onlyOwn ? viewer.userId : null],
  );
  const r = rows[0];
  return r ? { id: r.id, name: r.name, ownerId: r.owner_id, steps: r.steps } : null;
}

// ---------------------------------------------------------------------------------------------
// Settings, deletion

export async function setUnenrollSameCompany(tx: Queryable, sequenceId: number, value: boolean): Promise<void> {
  await tx.query('UPDATE sequences SET unenroll_same_company = $2 WHERE id = $1', [sequenceId, value]);
}

export async function markSequenceDeleted(tx: Queryable, sequenceId: number, at: Date): Promise<void> {
  await tx.query('UPDATE sequences SET deleted_at = coalesce(deleted_at, $2) WHERE id = $1', [sequenceId, at]);
}

// ---------------------------------------------------------------------------------------------
// History (the audit log)

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const HISTORY_ACTIONS = AuditAction.options;

/** One keyset page of a sequence's audit log, newest first. */
export async function listHistory(
  db: Queryable,
  sequenceId: number,
  limit: number,
  after: [string, number] | null,
): Promise<KeysetPage<AuditEntry, [string, number]>> {
  const params: unknown[] = [`sequence:${sequenceId}`, HISTORY_ACTIONS];
  const seek = after ? ` AND (a.at, a.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::bigint)` : '';
  params.push(fetchLimit(limit));
  const rows = await db.query<AuditRow>(
    `SELECT a.id::float8 AS id, a.at, a.actor_id, u.name AS actor_name, a.action, a.details
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
      WHERE a.subject = $1 AND a.action = ANY($2::text[])${seek}
      ORDER BY a.at DESC, a.id DESC
      LIMIT $${params.length}`,
    params,
  );
  return keysetPage(rows, limit, toAuditEntry, (r): [string, number] => [new Date(r.at).toISOString(), r.id]);
}

interface AuditRow {
  id: number;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  action: AuditEntry['action'];
  details: Record<string, unknown>;
}

function toAuditEntry(r: AuditRow): AuditEntry {
  const d = r.details ?? {};
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const count =
    r.action === 'enroll' ? num(d.enrolled) : r.action === 'reenroll' ? (num(d.count) ?? 1) : r.action === 'settings' ? 0 : num(d.count);
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
): Promise<KeysetPage<ScheduledStep, [string, number]> & { total: number }> {
  const params: unknown[] = [];
  const where = scheduledWhere(sequenceId, filter, viewer, params);
  const countParams = [...params];
  const seek = after ? ` AND (e.next_step_at, e.id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::int)` : '';
  params.push(fetchLimit(limit));
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
  const page = keysetPage(
    rows,
    limit,
    (r): ScheduledStep => ({
      enrollmentId: String(r.id),
      contact: { id: String(r.contact_id), name: r.contact_name, email: r.contact_email },
      step: { position: r.position, type: r.type, subject: r.subject },
      totalSteps: r.total_steps,
      sendAt: iso(r.next_step_at) as string,
      inbox: r.inbox_id
        ? { id: String(r.inbox_id), address: r.inbox_address ?? '', connected: r.inbox_connected ?? false }
        : null,
      enrolledBy: { id: String(r.enrolled_by), name: r.enrolled_by_name },
    }),
    (r): [string, number] => [iso(r.next_step_at) as string, r.id],
  );
  return { ...page, total: count?.n ?? 0 };
}
