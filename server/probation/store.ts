import { RateKey } from '../../src/contract/email-health';
import {
  AddressStatus,
  Consent,
  ContactProblem,
  ProbationLevel,
  type ProblemCounts,
  type ReviewContact,
} from '../../src/contract/probation';
import type { ProbationRecord, ProbationTransition, ProbationTriggerFigure } from '../../src/domain/probation';
import { contactProblems, engagedSince, REVIEW_RULES } from '../../src/domain/probation-review';
import { fetchLimit, idKey, keysetPage, type KeysetPage } from '../http/cursor';
import type { Queryable } from '../store/db';

// The account's probation state (migration 006 columns of `account`, read with the account in
// account/store.ts), its transitions, the review's saved progress and removals, and the
// marketing contacts the review walks.

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/** The figure that started a probation, as stored in jsonb; null when absent or unreadable. */
export function parseTrigger(raw: unknown): ProbationTriggerFigure | null {
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  if (!value || typeof value !== 'object') return null;
  const { key, value: v, threshold } = value as Record<string, unknown>;
  const k = RateKey.safeParse(key);
  if (!k.success || typeof v !== 'number' || typeof threshold !== 'number') return null;
  return { key: k.data, value: v, threshold };
}

/** Stores the state and its transitions (call inside the transaction that read it for update). */
export async function writeProbation(tx: Queryable, state: ProbationRecord, transitions: readonly ProbationTransition[]): Promise<void> {
  await tx.query(
    `UPDATE account SET probation_level = $1, probation_level_since = $2, probation_started_at = $3,
            probation_trigger = $4::jsonb, probation_reviewed_at = $5
      WHERE id = 1`,
    [state.level, state.levelSince, state.startedAt, state.trigger ? JSON.stringify(state.trigger) : null, state.reviewedAt],
  );
  for (const t of transitions) {
    await tx.query(
      `INSERT INTO probation_transitions (at, from_level, to_level, cause, actor_id, trigger) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [t.at, t.from, t.to, t.cause, t.actorId, t.trigger ? JSON.stringify(t.trigger) : null],
    );
  }
}

export interface StoredTransition extends ProbationTransition {
  actorName: string | null;
}

/** The latest transitions, newest first. */
export async function listTransitions(db: Queryable, limit: number): Promise<StoredTransition[]> {
  const rows = await db.query<{
    at: Date;
    from_level: string;
    to_level: string;
    cause: ProbationTransition['cause'];
    actor_id: number | null;
    actor_name: string | null;
    trigger: unknown;
  }>(
    `SELECT t.at, t.from_level, t.to_level, t.cause, t.actor_id, u.name AS actor_name, t.trigger
       FROM probation_transitions t LEFT JOIN users u ON u.id = t.actor_id
      ORDER BY t.at DESC, t.id DESC
      LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    at: new Date(r.at),
    from: ProbationLevel.parse(r.from_level),
    to: ProbationLevel.parse(r.to_level),
    cause: r.cause,
    actorId: r.actor_id,
    actorName: r.actor_name,
    trigger: parseTrigger(r.trigger),
  }));
}

// ---- review progress -------------------------------------------------------------------------

export interface ReviewRow {
  id: number | null;
  probationStartedAt: Date;
  step: number;
  furthestStep: number;
  problem: ContactProblem | null;
  removedCount: number;
  updatedAt: Date | null;
  updatedBy: { id: number; name: string } | null;
  completedAt: Date | null;
}

/** The review of the probation that began at `startedAt`: stored, or a fresh one at step 1. */
export async function readReview(db: Queryable, startedAt: Date, forUpdate = false): Promise<ReviewRow> {
  const [row] = await db.query<{
    id: number;
    step: number;
    furthest_step: number;
    problem: string | null;
    removed_count: number;
    updated_at: Date | null;
    updated_by: number | null;
    updated_by_name: string | null;
    completed_at: Date | null;
  }>(
    `SELECT r.id, r.step, r.furthest_step, r.problem, r.removed_count, r.updated_at, r.updated_by, u.name AS updated_by_name, r.completed_at
       FROM review_progress r LEFT JOIN users u ON u.id = r.updated_by
      WHERE r.probation_started_at = $1${forUpdate ? ' FOR UPDATE OF r' : ''}`,
    [startedAt],
  );
  if (!row) {
    return { id: null, probationStartedAt: startedAt, step: 1, furthestStep: 1, problem: null, removedCount: 0, updatedAt: null, updatedBy: null, completedAt: null };
  }
  const problem = ContactProblem.safeParse(row.problem);
  return {
    id: row.id,
    probationStartedAt: startedAt,
    step: row.step,
    furthestStep: row.furthest_step,
    problem: problem.success ? problem.data : null,
    removedCount: row.removed_count,
    updatedAt: date(row.updated_at),
    updatedBy: row.updated_by !== null ? { id: row.updated_by, name: row.updated_by_name ?? '' } : null,
    completedAt: date(row.completed_at),
  };
}

/** Saves the step and filter of the review of `startedAt`, creating it if needed; returns its id. */
export async function saveReview(
  tx: Queryable,
  startedAt: Date,
  values: { step: number; furthestStep: number; problem: ContactProblem | null; at: Date; by: number },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO review_progress (probation_started_at, step, furthest_step, problem, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (probation_started_at) DO UPDATE
        SET step = EXCLUDED.step, furthest_step = EXCLUDED.furthest_step, problem = EXCLUDED.problem,
            updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
     RETURNING id`,
    [startedAt, values.step, values.furthestStep, values.problem, values.at, values.by],
  );
  return (row as { id: number }).id;
}

export async function markReviewCompleted(tx: Queryable, reviewId: number, at: Date, by: number): Promise<void> {
  await tx.query('UPDATE review_progress SET completed_at = $2, completed_by = $3, updated_at = $2, updated_by = $3 WHERE id = $1', [
    reviewId,
    at,
    by,
  ]);
}

/** Ids of the contacts a review removed from marketing, oldest first. */
export async function removedContactIds(db: Queryable, reviewId: number): Promise<number[]> {
  const rows = await db.query<{ contact_id: number }>(
    'SELECT contact_id FROM review_removals WHERE review_id = $1 ORDER BY removed_at, contact_id',
    [reviewId],
  );
  return rows.map((r) => r.contact_id);
}

// ---- the marketing contacts ------------------------------------------------------------------

/** SQL of one problem over contacts `c`; $1 is the moment before which engagement does not count. */
const PROBLEM_SQL: Record<ContactProblem, string> = {
  no_consent: `c.consent <> ALL(ARRAY[${REVIEW_RULES.consentGiven.map((c) => `'${c}'`).join(', ')}])`,
  not_engaged: '(c.last_engaged_at IS NULL OR c.last_engaged_at < $1)',
  invalid_address: `c.address_status = ANY(ARRAY[${REVIEW_RULES.badAddresses.map((s) => `'${s}'`).join(', ')}])`,
};

const whereOf = (problem: ContactProblem | undefined) => `c.is_marketing${problem ? ` AND ${PROBLEM_SQL[problem]}` : ''}`;

/** How many marketing contacts there are, and how many have each problem. */
export async function problemCounts(db: Queryable, now: Date): Promise<ProblemCounts> {
  const [row] = await db.query<ProblemCounts>(
    `SELECT count(*)::int AS "all",
            count(*) FILTER (WHERE ${PROBLEM_SQL.no_consent})::int AS no_consent,
            count(*) FILTER (WHERE ${PROBLEM_SQL.not_engaged})::int AS not_engaged,
            count(*) FILTER (WHERE ${PROBLEM_SQL.invalid_address})::int AS invalid_address
       FROM contacts c WHERE c.is_marketing AND $1::timestamptz IS NOT NULL`,
    [engagedSince(now)],
  );
  return row ?? { all: 0, no_consent: 0, not_engaged: 0, invalid_address: 0 };
}

export async function countReviewContacts(db: Queryable, problem: ContactProblem | undefined, now: Date): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM contacts c WHERE ${whereOf(problem)} AND $1::timestamptz IS NOT NULL`,
    [engagedSince(now)],
  );
  return row?.n ?? 0;
}

/** One keyset page of marketing contacts by id, after contact `afterId`. */
export async function listReviewContacts(
  db: Queryable,
  problem: ContactProblem | undefined,
  now: Date,
  limit: number,
  afterId: number | null,
): Promise<KeysetPage<ReviewContact, [number, number]>> {
  const rows = await db.query<{
    id: number;
    name: string;
    email: string;
    consent: string;
    last_engaged_at: Date | null;
    address_status: string;
  }>(
    `SELECT c.id, c.first_name || ' ' || c.last_name AS name, c.email, c.consent, c.last_engaged_at, c.address_status
       FROM contacts c
      WHERE ${whereOf(problem)} AND $1::timestamptz IS NOT NULL AND ($2::int IS NULL OR c.id > $2)
      ORDER BY c.id
      LIMIT $3`,
    [engagedSince(now), afterId, fetchLimit(limit)],
  );
  return keysetPage(
    rows,
    limit,
    (r): ReviewContact => {
      const consent = Consent.parse(r.consent);
      const addressStatus = AddressStatus.parse(r.address_status);
      const lastEngagedAt = date(r.last_engaged_at);
      return {
        id: String(r.id),
        name: r.name,
        email: r.email,
        consent,
        lastEngagedAt: lastEngagedAt?.toISOString() ?? null,
        addressStatus,
        problems: contactProblems({ consent, lastEngagedAt, addressStatus }, now),
      };
    },
    (r) => idKey(r.id),
  );
}

/**
 * Makes contacts non-marketing contacts and records them as removed by the review, by ids or
 * by problem. Contacts already out of marketing are left alone. Returns the ids that changed.
 */
export async function removeFromMarketing(
  tx: Queryable,
  selection: { ids: number[] } | { problem: ContactProblem },
  review: { id: number; now: Date; by: number },
): Promise<number[]> {
  const where =
    'ids' in selection ? 'c.is_marketing AND c.id = ANY($2::int[])' : `${whereOf(selection.problem)} AND $2::int[] IS NULL`;
  const rows = await tx.query<{ id: number }>(
    `WITH removed AS (
       UPDATE contacts c SET is_marketing = false
        WHERE ${where} AND $1::timestamptz IS NOT NULL
       RETURNING c.id
     ), recorded AS (
       INSERT INTO review_removals (review_id, contact_id, removed_at, removed_by)
       SELECT $3, id, $4, $5 FROM removed
       ON CONFLICT DO NOTHING
     )
     SELECT id FROM removed ORDER BY id`,
    [engagedSince(review.now), 'ids' in selection ? selection.ids : null, review.id, review.now, review.by],
  );
  if (rows.length > 0) {
    await tx.query('UPDATE review_progress SET removed_count = removed_count + $2, updated_at = $3, updated_by = $4 WHERE id = $1', [
      review.id,
      rows.length,
      review.now,
      review.by,
    ]);
  }
  return rows.map((r) => r.id);
}
