import type { SequenceDetail, SequenceListItem, SequenceListQuery, SequenceSortField, StepType } from '../../src/contract/sequences';
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
    `SELECT s.id, s.name, u.id AS owner_id, u.name AS owner_name,
            (SELECT count(*) FROM sequence_steps st WHERE st.sequence_id = s.id)::int AS steps,
            agg.active, agg.errors,
            (agg.opened::float8 / NULLIF(agg.sent, 0)) AS open_rate,
            (agg.replied::float8 / NULLIF(agg.sent, 0)) AS reply_rate,
            (agg.meetings::float8 / NULLIF(agg.sent, 0)) AS meeting_rate
       FROM sequences s
       JOIN users u ON u.id = s.owner_id
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE e.status = 'active')::int AS active,
                count(*) FILTER (WHERE e.emails_sent > 0)::int AS sent,
                count(*) FILTER (WHERE e.opened)::int AS opened,
                count(*) FILTER (WHERE e.replied)::int AS replied,
                count(*) FILTER (WHERE e.meeting_booked)::int AS meetings,
                count(*) FILTER (WHERE e.enroll_error IS NOT NULL OR e.email_error IS NOT NULL)::int AS errors
           FROM enrollments e
          WHERE e.sequence_id = s.id AND ($1::int IS NULL OR e.enrolled_by = $1)
       ) agg
      WHERE s.deleted_at IS NULL
        AND ($1::int IS NULL OR s.owner_id = $1
             OR EXISTS (SELECT 1 FROM enrollments e2 WHERE e2.sequence_id = s.id AND e2.enrolled_by = $1))
        AND ($2::text IS NULL OR s.name ILIKE $2)
      ORDER BY ${order}`,
    [onlyEnrolledBy, query.q ? likePattern(query.q) : null],
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
      `SELECT count(*)::int AS enrolled,
              count(*) FILTER (WHERE status = 'active')::int AS active,
              count(*) FILTER (WHERE status = 'paused')::int AS paused,
              count(*) FILTER (WHERE status = 'finished')::int AS finished,
              count(*) FILTER (WHERE status = 'unenrolled')::int AS unenrolled,
              count(*) FILTER (WHERE enroll_error IS NOT NULL OR email_error IS NOT NULL)::int AS with_errors,
              count(*) FILTER (WHERE emails_sent > 0)::int AS sent,
              count(*) FILTER (WHERE opened)::int AS opened,
              count(*) FILTER (WHERE clicked)::int AS clicked,
              count(*) FILTER (WHERE replied)::int AS replied,
              count(*) FILTER (WHERE meeting_booked)::int AS meetings
         FROM enrollments WHERE sequence_id = $1 AND ($2::int IS NULL OR enrolled_by = $2)`,
      [id, onlyEnrolledBy],
    ),
    db.query<{ code: string; kind: 'enroll' | 'email'; count: number }>(
      `SELECT code, kind, count(*)::int AS count FROM (
         SELECT enroll_error AS code, 'enroll' AS kind FROM enrollments
          WHERE sequence_id = $1 AND enroll_error IS NOT NULL AND ($2::int IS NULL OR enrolled_by = $2)
         UNION ALL
         SELECT email_error, 'email' FROM enrollments
          WHERE sequence_id = $1 AND email_error IS NOT NULL AND ($2::int IS NULL OR enrolled_by = $2)
       ) x GROUP BY code, kind ORDER BY count DESC, code`,
      [id, onlyEnrolledBy],
    ),
    db.query<{ id: number; name: string }>(
      `SELECT u.id, u.name FROM users u
        WHERE u.id IN (SELECT DISTINCT enrolled_by FROM enrollments WHERE sequence_id = $1)
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
