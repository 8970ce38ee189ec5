import type { EmailProblem, EnrollErrorCode, EnrollmentStatus, UnenrollReason } from '../../src/contract/codes';
import { EmailProblem as EmailProblemSchema } from '../../src/contract/codes';
import type { Enrollment, EnrollmentFilter, EnrollmentSortField } from '../../src/contract/enrollments';
import type { SortDirection } from '../../src/contract/sequences';
import { reenrollStep } from '../../src/domain/enrollment-problems';
import type { Queryable } from '../store/db';
import type { Viewer } from '../http/context';
import { fetchLimit, keysetPage, type CursorKey, type KeysetPage } from '../http/cursor';
import { likePattern } from '../store/sql';

// Whitelisted sort keys; each has a matching index in migration 002.
const SORT_SQL: Record<EnrollmentSortField, { expr: string; type: 'timestamptz' | 'text' | 'int' }> = {
  enrolledAt: { expr: 'e.enrolled_at', type: 'timestamptz' },
  contact: { expr: 'lower(e.contact_name) COLLATE "C"', type: 'text' },
  status: { expr: 'e.status', type: 'text' },
  step: { expr: 'e.current_step', type: 'int' },
  lastActivity: { expr: `coalesce(e.last_activity_at, 'epoch'::timestamptz)`, type: 'timestamptz' },
};

/** SQL conditions and parameters for a filter, numbered from `$first`. */
export function filterSql(
  sequenceId: number,
  filter: EnrollmentFilter,
  viewer: Viewer,
  params: unknown[],
): string {
  const add = (v: unknown) => `$${params.push(v)}`;
  const where = [`e.sequence_id = ${add(sequenceId)}`];
  if (viewer.onlyOwn) where.push(`e.enrolled_by = ${add(viewer.userId)}`);
  if (filter.status) where.push(`e.status = ${add(filter.status)}`);
  if (filter.error) {
    const isEmail = EmailProblemSchema.safeParse(filter.error).success;
    where.push(`${isEmail ? 'e.email_error' : 'e.enroll_error'} = ${add(filter.error)}`);
  }
  if (filter.enrolledBy) where.push(`e.enrolled_by = ${add(Number(filter.enrolledBy))}`);
  if (filter.from) where.push(`e.enrolled_at >= ${add(filter.from)}::date`);
  if (filter.to) where.push(`e.enrolled_at < (${add(filter.to)}::date + 1)`);
  if (filter.q) where.push(`(e.contact_name || ' ' || e.contact_email) ILIKE ${add(likePattern(filter.q))}`);
  return where.join(' AND ');
}

interface Row {
  id: number;
  sequence_id: number;
  contact_id: number;
  contact_name: string;
  contact_email: string;
  status: EnrollmentStatus;
  enroll_error: EnrollErrorCode | null;
  email_error: EmailProblem | null;
  current_step: number;
  total_steps: number;
  enrolled_by: number;
  enrolled_by_name: string;
  enrolled_at: Date;
  last_activity_at: Date | null;
  next_step_at: Date | null;
  unenroll_reason: UnenrollReason | null;
  unenrolled_by: number | null;
  unenrolled_by_name: string | null;
  unenrolled_at: Date | null;
  related_sequence_id: number | null;
  related_sequence_name: string | null;
  inbox_id: number | null;
  inbox_address: string | null;
  inbox_connected: boolean | null;
  sort_key: string | number | Date;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The statuses of a live enrollment, as SQL: `e.status IN ${LIVE}`. */
export const LIVE = `('active', 'paused')`;

function toEnrollment(r: Row): Enrollment {
  const decision = reenrollStep(r.email_error, r.current_step, r.total_steps, r.inbox_connected ?? false);
  return {
    id: String(r.id),
    sequenceId: String(r.sequence_id),
    contact: { id: String(r.contact_id), name: r.contact_name, email: r.contact_email },
    status: r.status,
    enrollError: r.enroll_error,
    emailProblem: r.email_error,
    currentStep: r.current_step,
    totalSteps: r.total_steps,
    enrolledBy: { id: String(r.enrolled_by), name: r.enrolled_by_name },
    enrolledAt: iso(r.enrolled_at) as string,
    lastActivityAt: iso(r.last_activity_at),
    nextStepAt: iso(r.next_step_at),
    unenrollReason: r.unenroll_reason,
    unenrolledBy: r.unenrolled_by ? { id: String(r.unenrolled_by), name: r.unenrolled_by_name ?? '' } : null,
    unenrolledAt: iso(r.unenrolled_at),
    relatedSequence: r.related_sequence_id
      ? { id: String(r.related_sequence_id), name: r.related_sequence_name ?? '' }
      : null,
    inbox: r.inbox_id
      ? { id: String(r.inbox_id), address: r.inbox_address ?? '', connected: r.inbox_connected ?? false }
      : null,
    reenrollStep: r.status === 'paused' && decision.ok ? decision.step : null,
  };
}

/** Joins that turn enrollment rows `e` into the API shape. */
const DETAIL_SELECT = `
  e.id, e.sequence_id, e.contact_id, e.contact_name, e.contact_email, e.status, e.enroll_error, e.email_error,
  e.current_step, (SELECT count(*)::int FROM sequence_steps st WHERE st.sequence_id = e.sequence_id) AS total_steps,
  e.enrolled_by, ub.name AS enrolled_by_name, e.enrolled_at, e.last_activity_at, e.next_step_at,
  e.unenroll_reason, e.unenrolled_by, uu.name AS unenrolled_by_name, e.unenrolled_at,
  e.related_sequence_id, rs.name AS related_sequence_name,
  e.inbox_id, i.address AS inbox_address, i.connected AS inbox_connected`;
const DETAIL_JOINS = `
  JOIN users ub ON ub.id = e.enrolled_by
  LEFT JOIN users uu ON uu.id = e.unenrolled_by
  LEFT JOIN sequences rs ON rs.id = e.related_sequence_id
  LEFT JOIN inboxes i ON i.id = e.inbox_id`;

/** One keyset page: rows after `after` in the given order, and the key of the last row. */
export async function listEnrollments(
  db: Queryable,
  sequenceId: number,
  filter: EnrollmentFilter,
  viewer: Viewer,
  sort: { field: EnrollmentSortField; dir: SortDirection },
  limit: number,
  after: CursorKey | null,
): Promise<KeysetPage<Enrollment>> {
  const params: unknown[] = [];
  const where = filterSql(sequenceId, filter, viewer, params);
  const { expr, type } = SORT_SQL[sort.field];
  const dir = sort.dir === 'desc' ? 'DESC' : 'ASC';
  const seek = after
    ? ` AND (${expr}, e.id) ${dir === 'DESC' ? '<' : '>'} ($${params.push(after[0])}::${type}, $${params.push(after[1])}::int)`
    : '';
  params.push(fetchLimit(limit));
  const rows = await db.query<Row>(
    `WITH page AS (
       SELECT e.id, ${expr} AS sort_key FROM enrollments e
        WHERE ${where}${seek}
        ORDER BY ${expr} ${dir}, e.id ${dir}
        LIMIT $${params.length})
     SELECT ${DETAIL_SELECT}, page.sort_key
       FROM page JOIN enrollments e ON e.id = page.id ${DETAIL_JOINS}
      ORDER BY page.sort_key ${dir}, e.id ${dir}`,
    params,
  );
  return keysetPage(rows, limit, toEnrollment, (r): CursorKey => [
    r.sort_key instanceof Date ? r.sort_key.toISOString() : r.sort_key,
    r.id,
  ]);
}

export async function countEnrollments(
  db: Queryable,
  sequenceId: number,
  filter: EnrollmentFilter,
  viewer: Viewer,
): Promise<number> {
  const params: unknown[] = [];
  const where = filterSql(sequenceId, filter, viewer, params);
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM enrollments e WHERE ${where}`, params);
  return row?.n ?? 0;
}

export async function getEnrollment(db: Queryable, id: number): Promise<Enrollment | null> {
  const rows = await db.query<Row>(`SELECT ${DETAIL_SELECT}, 0 AS sort_key FROM enrollments e ${DETAIL_JOINS} WHERE e.id = $1`, [id]);
  return rows[0] ? toEnrollment(rows[0]) : null;
}

export async function enrollmentsOfContact(
  db: Queryable,
  contactId: number,
  viewer: Viewer,
): Promise<Array<Enrollment & { sequenceName: string }>> {
  const rows = await db.query<Row & { sequence_name: string }>(
    `SELECT ${DETAIL_SELECT}, 0 AS sort_key, s.name AS sequence_name
       FROM enrollments e ${DETAIL_JOINS} JOIN sequences s ON s.id = e.sequence_id
      WHERE e.contact_id = $1 AND s.deleted_at IS NULL AND ($2::int IS NULL OR e.enrolled_by = $2)
      ORDER BY e.enrolled_at DESC, e.id DESC`,
    [contactId, viewer.onlyOwn ? viewer.userId : null],
  );
  return rows.map((r) => ({ ...toEnrollment(r), sequenceName: r.sequence_name }));
}

/** Enrollment fields a state change needs, locked for the transaction. */
export async function lockEnrollment(
  tx: Queryable,
  id: number,
): Promise<{
  id: number;
  sequenceId: number;
  enrolledBy: number;
  status: EnrollmentStatus;
  emailError: EmailProblem | null;
  currentStep: number;
  totalSteps: number;
  inboxConnected: boolean;
} | null> {
  const rows = await tx.query<{
    id: number;
    sequence_id: number;
    enrolled_by: number;
    status: EnrollmentStatus;
    email_error: EmailProblem | null;
    current_step: number;
  }>('SELECT id, sequence_id, enrolled_by, status, email_error, current_step FROM enrollments WHERE id = $1 FOR UPDATE', [id]);
  const r = rows[0];
  if (!r) return null;
  const [extra] = await tx.query<{ total: number; connected: boolean | null }>(
    `SELECT (SELECT count(*)::int FROM sequence_steps WHERE sequence_id = $1) AS total,
            (SELECT i.connected FROM enrollments e JOIN inboxes i ON i.id = e.inbox_id WHERE e.id = $2) AS connected`,
    [r.sequence_id, id],
  );
  return {
    id: r.id,
    sequenceId: r.sequence_id,
    enrolledBy: r.enrolled_by,
    status: r.status,
    emailError: r.email_error,
    currentStep: r.current_step,
    totalSteps: extra?.total ?? 0,
    inboxConnected: extra?.connected ?? false,
  };
}

export async function markUnenrolled(
  tx: Queryable,
  id: number,
  reason: UnenrollReason,
  by: number | null,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE enrollments SET status = 'unenrolled', unenroll_reason = $2, unenrolled_by = $3, unenrolled_at = $4,
            next_step_at = NULL, version = version + 1
      WHERE id = $1`,
    [id, reason, by, now],
  );
}

export async function markReenrolled(tx: Queryable, id: number, step: number, now: Date): Promise<void> {
  await tx.query(
    `UPDATE enrollments SET status = 'active', email_error = NULL, current_step = $2, next_step_at = $3,
            last_activity_at = $3, version = version + 1
      WHERE id = $1`,
    [id, step, now],
  );
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
