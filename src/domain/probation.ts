import type { Plan } from '../contract/codes';
import type { RateKey } from '../contract/email-health';
import type { ProbationCause, ProbationLevel } from '../contract/probation';
import { PROBATION_PLANS } from './health';

// The marketing-email probation as a pure state machine (docs/domain.md §5):
//
//   healthy → probation → warning_1 → warning_2 → suspended
//      ↑__________ a completed review, from any level under watch ___________|
//
// A probation starts when a figure crosses its industry threshold on an eligible plan. Left
// unresolved, it escalates one level at a time after the days kept in PROBATION_RULES. A
// completed review returns the account to healthy ("no longer under watch"). Every change is a
// transition with its cause and time; refused events change nothing and say why.

export interface ProbationRules {
  /** Plans probation applies to. */
  plans: readonly Plan[];
  /** Days a level may stay unresolved before the next one, and which one that is. */
  escalation: Readonly<Record<'probation' | 'warning_1' | 'warning_2', { to: ProbationLevel; afterDays: number }>>;
  /** How many warnings come before suspension (for "Warning 1 of 2"). */
  warnings: number;
}

/** The rules, as data: change the numbers here, not the machine. */
export const PROBATION_RULES: ProbationRules = {
  plans: PROBATION_PLANS,
  escalation: {
    probation: { to: 'warning_1', afterDays: 14 },
    warning_1: { to: 'warning_2', afterDays: 7 },
    warning_2: { to: 'suspended', afterDays: 7 },
  },
  warnings: 2,
};

const DAY_MS = 86_400_000;

export interface ProbationTriggerFigure {
  key: RateKey;
  value: number;
  threshold: number;
}

/** The account's stored probation state. */
export interface ProbationRecord {
  level: ProbationLevel;
  /** When the current level began; null when the account has never been under watch. */
  levelSince: Date | null;
  /** When the current probation began; null when healthy. */
  startedAt: Date | null;
  /** The figure that started the current probation; null when healthy. */
  trigger: ProbationTriggerFigure | null;
  /** When the last review was completed. */
  reviewedAt: Date | null;
}

export const HEALTHY: ProbationRecord = Object.freeze({
  level: 'healthy',
  levelSince: null,
  startedAt: null,
  trigger: null,
  reviewedAt: null,
}) as ProbationRecord;

export type ProbationEvent =
  | {
      type: 'figures_crossed';
      at: Date;
      plan: Plan;
      /** Figures over their industry threshold, most important first. */
      triggers: readonly ProbationTriggerFigure[];
      /** Start of the window the figures were measured on. */
      windowStartsAt: Date;
    }
  | { type: 'deadline_passed'; at: Date }
  | { type: 'review_completed'; at: Date; actorId: number };

export interface ProbationTransition {
  from: ProbationLevel;
  to: ProbationLevel;
  cause: ProbationCause;
  at: Date;
  actorId: number | null;
  trigger: ProbationTriggerFigure | null;
}

export type RefusalReason =
  /** The plan is not one probation applies to. */
  | 'not_eligible'
  /** Already under watch: a new probation cannot start on top of one. */
  | 'already_under_watch'
  /** No figure crossed its threshold. */
  | 'no_trigger'
  /** The figures include days before the last review: they are judged again on a window that
   * starts after it, or a completed review would be undone by the very figures it answered. */
  | 'reviewed_within_window'
  /** Nothing to review, escalate or lift. */
  | 'not_under_watch'
  /** Suspension is the last level. */
  | 'already_suspended'
  /** The level's days are not over yet. */
  | 'not_due';

export type TransitionResult =
  | { ok: true; state: ProbationRecord; transition: ProbationTransition }
  | { ok: false; reason: RefusalReason };

export const isUnderWatch = (level: ProbationLevel) => level !== 'healthy';

/** Marketing email can be sent at every level but suspension. */
export const canSendMarketing = (level: ProbationLevel) => level !== 'suspended';

/** 1 or 2 while warned ("Warning 1 of 2"), else null. */
export function warningNumber(level: ProbationLevel): number | null {
  if (level === 'warning_1') return 1;
  if (level === 'warning_2') return 2;
  return null;
}

/** The next level if the review is not completed, and when it comes; null when nothing is due
 * (healthy, or suspended already). */
export function nextEscalation(
  state: ProbationRecord,
  rules: ProbationRules = PROBATION_RULES,
): { level: ProbationLevel; at: Date } | null {
  if (state.level === 'healthy' || state.level === 'suspended' || !state.levelSince) return null;
  const rule = rules.escalation[state.level];
  return { level: rule.to, at: new Date(state.levelSince.getTime() + rule.afterDays * DAY_MS) };
}

/** Applies one event to the state: the new state and its transition, or why nothing changes. */
export function transition(
  state: ProbationRecord,
  event: ProbationEvent,
  rules: ProbationRules = PROBATION_RULES,
): TransitionResult {
  switch (event.type) {
    case 'figures_crossed': {
      if (!rules.plans.includes(event.plan)) return { ok: false, reason: 'not_eligible' };
      if (isUnderWatch(state.level)) return { ok: false, reason: 'already_under_watch' };
      const trigger = event.triggers[0];
      if (!trigger) return { ok: false, reason: 'no_trigger' };
      if (state.reviewedAt && event.windowStartsAt < state.reviewedAt) return { ok: false, reason: 'reviewed_within_window' };
      return {
        ok: true,
        state: { ...state, level: 'probation', levelSince: event.at, startedAt: event.at, trigger },
        transition: { from: state.level, to: 'probation', cause: 'threshold_crossed', at: event.at, actorId: null, trigger },
      };
    }
    case 'deadline_passed': {
      if (state.level === 'healthy') return { ok: false, reason: 'not_under_watch' };
      if (state.level === 'suspended') return { ok: false, reason: 'already_suspended' };
      const next = nextEscalation(state, rules);
      if (!next || event.at < next.at) return { ok: false, reason: 'not_due' };
      return {
        ok: true,
        state: { ...state, level: next.level, levelSince: event.at },
        transition: { from: state.level, to: next.level, cause: 'deadline_passed', at: event.at, actorId: null, trigger: null },
      };
    }
    case 'review_completed': {
      if (!isUnderWatch(state.level)) return { ok: false, reason: 'not_under_watch' };
      return {
        ok: true,
        state: { level: 'healthy', levelSince: event.at, startedAt: null, trigger: null, reviewedAt: event.at },
        transition: { from: state.level, to: 'healthy', cause: 'review_completed', at: event.at, actorId: event.actorId, trigger: null },
      };
    }
  }
}

export interface Assessment {
  now: Date;
  plan: Plan;
  triggers: readonly ProbationTriggerFigure[];
  windowStartsAt: Date;
}

/**
 * Brings the state up to `now`: every escalation that fell due (each recorded at the moment it
 * fell due, not when it was noticed), then, when healthy, a new probation if the figures call
 * for one. Returns the state and the transitions, oldest first (none: nothing changed).
 */
export function evaluate(
  state: ProbationRecord,
  assessment: Assessment,
  rules: ProbationRules = PROBATION_RULES,
): { state: ProbationRecord; transitions: ProbationTransition[] } {
  const transitions: ProbationTransition[] = [];
  let current = state;
  for (let next = nextEscalation(current, rules); next && next.at <= assessment.now; next = nextEscalation(current, rules)) {
    const result = transition(current, { type: 'deadline_passed', at: next.at }, rules);
    if (!result.ok) break;
    current = result.state;
    transitions.push(result.transition);
  }
  if (current.level === 'healthy') {
    const result = transition(
      current,
      { type: 'figures_crossed', at: assessment.now, plan: assessment.plan, triggers: assessment.triggers, windowStartsAt: assessment.windowStartsAt },
      rules,
    );
    if (result.ok) {
      current = result.state;
      transitions.push(result.transition);
    }
  }
  return { state: current, transitions };
}
