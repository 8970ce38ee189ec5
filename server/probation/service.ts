import type { AccountProbation, ContactProblem, ReviewProgress, SaveReviewProgressRequest } from '../../src/contract/probation';
import {
  PROBATION_PLANS,
  ZERO_COUNTS,
  addCounts,
  assessProbation,
  hasEnoughData,
  isoDay,
  probationThresholdOf,
  rateOf,
  reportingWindow,
  type EmailCounts,
  type ProbationAssessment,
} from '../../src/domain/health';
import { thresholdsFor } from '../../src/domain/industry-benchmarks';
import {
  PROBATION_RULES,
  canSendMarketing,
  evaluate,
  isUnderWatch,
  nextEscalation,
  transition,
  warningNumber,
} from '../../src/domain/probation';
import { canGoToStep, completionRefusal, goToStep } from '../../src/domain/probation-review';
import { readAccount, type AccountRecord } from '../account/store';
import { HttpError, conflict } from '../http/errors';
import type { Db, Queryable } from '../store/db';
import { dailyCounts } from '../email-health/store';
import { audit } from '../store/audit';
import {
  countReviewContacts,
  listTransitions,
  markReviewCompleted,
  problemCounts,
  readReview,
  removeFromMarketing,
  removedContactIds,
  saveReview,
  writeProbation,
  type ReviewRow,
} from './store';

// The probation's use cases. The state is kept up to date lazily: whoever reads it first
// after an escalation fell due (or after the figures crossed a threshold) records the
// transitions, each at the moment it fell due, so the outcome does not depend on who looked when.

const HISTORY = 20;
/** How many removed contact ids the audit log lists in full. */
const AUDIT_IDS = 1000;

interface Figures {
  assessment: ProbationAssessment;
  counts: EmailCounts;
  windowStartsAt: Date;
}

/** The figures probation is judged on: marketing email of the last 30 days, less 48 hours. */
async function figuresOf(db: Queryable, account: AccountRecord, now: Date): Promise<Figures> {
  const window = reportingWindow('30d', now);
  const daily = await dailyCounts(db, 'marketing', window.from, isoDay(window.endsAt.getTime()));
  const counts = daily.reduce<EmailCounts>((sum, row) => addCounts(sum, row), { ...ZERO_COUNTS });
  return { assessment: assessProbation(account.plan, thresholdsFor(account.industry), counts), counts, windowStartsAt: window.startsAt };
}

const assessmentOf = (account: AccountRecord, figures: Figures, now: Date) => ({
  now,
  plan: account.plan,
  triggers: figures.assessment.triggers,
  windowStartsAt: figures.windowStartsAt,
});

/**
 * The account's probation state as of `now`, after recording every transition that is due
 * (escalations, or a new probation when the figures call for one).
 */
export async function syncProbation(db: Db, now: Date): Promise<{ account: AccountRecord; figures: Figures }> {
  const account = await readAccount(db);
  const figures = await figuresOf(db, account, now);
  if (evaluate(account, assessmentOf(account, figures, now)).transitions.length === 0) return { account, figures };
  return db.transaction(async (tx) => {
    // Someone else may have recorded them meanwhile: decide again on the locked row.
    const locked = await readAccount(tx, { forUpdate: true });
    const result = evaluate(locked, assessmentOf(locked, figures, now));
    if (result.transitions.length > 0) await writeProbation(tx, result.state, result.transitions);
    return { account: { ...locked, ...result.state }, figures };
  });
}

/**
 * Records in `tx` the transitions due as of `at` (the ingest's assessProbationAt: a backfill's
 * past moment). Refuses a moment before the state's last transition: history is not rewritten.
 */
export async function applyProbationRulesAt(tx: Queryable, at: Date): Promise<{ account: AccountRecord; changed: boolean }> {
  const locked = await readAccount(tx, { forUpdate: true });
  if (locked.levelSince && at < locked.levelSince) {
    throw conflict(`The probation was last decided at ${locked.levelSince.toISOString()}: assess it at that moment or later.`);
  }
  const figures = await figuresOf(tx, locked, at);
  const result = evaluate(locked, assessmentOf(locked, figures, at));
  if (result.transitions.length > 0) await writeProbation(tx, result.state, result.transitions);
  return { account: { ...locked, ...result.state }, changed: result.transitions.length > 0 };
}

/** The probation as the contract states it. */
export async function probationView(db: Db, now: Date): Promise<AccountProbation> {
  const { account, figures } = await syncProbation(db, now);
  const history = await listTransitions(db, HISTORY);
  const thresholds = thresholdsFor(account.industry);
  const warning = warningNumber(account.level);
  const next = nextEscalation(account);
  const trigger = isUnderWatch(account.level) ? account.trigger : null;
  return {
    level: account.level,
    underWatch: isUnderWatch(account.level),
    canSendMarketing: canSendMarketing(account.level),
    eligible: PROBATION_PLANS.includes(account.plan),
    plan: account.plan,
    startedAt: account.startedAt?.toISOString() ?? null,
    levelSince: account.levelSince?.toISOString() ?? null,
    warning: warning === null ? null : { number: warning, of: PROBATION_RULES.warnings },
    figure: trigger
      ? {
          key: trigger.key,
          valueAtStart: trigger.value,
          value: hasEnoughData(figures.counts) ? rateOf(trigger.key, figures.counts).value : null,
          threshold: probationThresholdOf(trigger.key, thresholds) ?? trigger.threshold,
        }
      : null,
    next: next ? { level: next.level, at: next.at.toISOString() } : null,
    reviewedAt: account.reviewedAt?.toISOString() ?? null,
    history: history.map((t) => ({
      from: t.from,
      to: t.to,
      cause: t.cause,
      at: t.at.toISOString(),
      actor: t.actorId !== null ? { id: String(t.actorId), name: t.actorName ?? '' } : null,
      trigger: t.trigger,
    })),
  };
}

// ---- the review ------------------------------------------------------------------------------

const notUnderWatch = () => conflict('The account is not under watch: there is no contact review to do.');

function progressOut(r: ReviewRow): ReviewProgress {
  return {
    probationStartedAt: r.probationStartedAt.toISOString(),
    step: r.step,
    furthestStep: r.furthestStep,
    problem: r.problem,
    removedCount: r.removedCount,
    updatedAt: r.updatedAt?.toISOString() ?? null,
    updatedBy: r.updatedBy ? { id: String(r.updatedBy.id), name: r.updatedBy.name } : null,
  };
}

/** The open review's progress (409 when the account is not under watch). */
export async function reviewProgress(db: Db, now: Date): Promise<ReviewProgress> {
  const { account } = await syncProbation(db, now);
  if (!isUnderWatch(account.level) || !account.startedAt) throw notUnderWatch();
  return progressOut(await readReview(db, account.startedAt));
}

/** Locks the account and the open review, or refuses with 409 when there is none. */
async function lockOpenReview(tx: Queryable): Promise<{ account: AccountRecord; startedAt: Date; review: ReviewRow }> {
  const account = await readAccount(tx, { forUpdate: true });
  if (!isUnderWatch(account.level) || !account.startedAt) throw notUnderWatch();
  return { account, startedAt: account.startedAt, review: await readReview(tx, account.startedAt, true) };
}

/** Saves the step and filter; a step is reached only from the one before it (409 review_incomplete). */
export async function saveReviewProgress(db: Db, now: Date, body: SaveReviewProgressRequest, userId: number): Promise<ReviewProgress> {
  await syncProbation(db, now);
  return db.transaction(async (tx) => {
    const { startedAt, review } = await lockOpenReview(tx);
    if (!canGoToStep(review, body.step)) {
      throw new HttpError(
        409,
        'review_incomplete',
        `Steps are reached one at a time: the review has reached step ${review.furthestStep}, so step ${body.step} cannot be next.`,
      );
    }
    const moved = goToStep(review, body.step);
    await saveReview(tx, startedAt, { ...moved, problem: body.problem, at: now, by: userId });
    return progressOut(await readReview(tx, startedAt));
  });
}

/** Makes contacts non-marketing contacts for the open review, all or nothing, and audits it. */
export async function removeContacts(
  db: Db,
  now: Date,
  selection: { ids: number[] } | { problem: ContactProblem; expectedCount: number },
  userId: number,
) {
  await syncProbation(db, now);
  return db.transaction(async (tx) => {
    const { startedAt, review } = await lockOpenReview(tx);
    if ('problem' in selection) {
      const matching = await countReviewContacts(tx, selection.problem, now);
      if (matching !== selection.expectedCount) {
        throw conflict(`${matching} contacts match the filter now, not ${selection.expectedCount}: look again before removing them.`);
      }
    }
    const reviewId =
      review.id ?? (await saveReview(tx, startedAt, { step: review.step, furthestStep: review.furthestStep, problem: review.problem, at: now, by: userId }));
    const ids = await removeFromMarketing(tx, 'ids' in selection ? { ids: selection.ids } : { problem: selection.problem }, {
      id: reviewId,
      now,
      by: userId,
    });
    if (ids.length > 0) {
      await audit(tx, {
        at: now,
        actorId: userId,
        action: 'probation.contacts_removed',
        subject: 'account',
        details: {
          selection: 'ids' in selection ? { ids: selection.ids.length } : { problem: selection.problem },
          removed: ids.length,
          contactIds: ids.slice(0, AUDIT_IDS),
        },
      });
    }
    return { removed: ids.length, counts: await problemCounts(tx, now), progress: progressOut(await readReview(tx, startedAt)) };
  });
}

/**
 * Completes the review: 422 without the confirmation, 409 review_incomplete when a step was
 * skipped. The account returns to healthy; the audit log records who did it and what was removed.
 */
export async function completeReview(db: Db, now: Date, confirmed: boolean, userId: number): Promise<AccountProbation> {
  if (!confirmed) {
    throw new HttpError(422, 'unprocessable', 'Confirm that you have reviewed your contacts for email marketing.');
  }
  await syncProbation(db, now);
  await db.transaction(async (tx) => {
    const { account, review } = await lockOpenReview(tx);
    if (completionRefusal(review, confirmed) || review.id === null) {
      throw new HttpError(409, 'review_incomplete', 'Go through every step of the review, up to the last one, before completing it.');
    }
    const result = transition(account, { type: 'review_completed', at: now, actorId: userId });
    if (!result.ok) throw notUnderWatch();
    await writeProbation(tx, result.state, [result.transition]);
    await markReviewCompleted(tx, review.id, now, userId);
    const removed = await removedContactIds(tx, review.id);
    await audit(tx, {
      at: now,
      actorId: userId,
      action: 'probation.review_completed',
      subject: 'account',
      details: {
        from: account.level,
        probationStartedAt: account.startedAt?.toISOString() ?? null,
        trigger: account.trigger,
        removed: removed.length,
        removedContactIds: removed.slice(0, AUDIT_IDS),
        removedContactIdsTruncated: removed.length > AUDIT_IDS,
      },
    });
  });
  return probationView(db, now);
}
