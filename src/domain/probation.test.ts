import { describe, expect, it } from 'vitest';
import { Plan } from '../contract/codes';
import { ProbationLevel } from '../contract/probation';
import {
  HEALTHY,
  PROBATION_RULES,
  canSendMarketing,
  evaluate,
  nextEscalation,
  transition,
  warningNumber,
  type ProbationEvent,
  type ProbationRecord,
} from './probation';
import { canGoToStep, completionRefusal, contactProblems, goToStep } from './probation-review';

const DAY = 86_400_000;
const T0 = new Date('2026-10-01T09:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const bounce = { key: 'hardBounce' as const, value: 0.063, threshold: 0.04 };

/** A state at `level` reached at T0, probation begun at T0. */
function stateAt(level: ProbationLevel, extra: Partial<ProbationRecord> = {}): ProbationRecord {
  if (level === 'healthy') return { ...HEALTHY, ...extra };
  return { level, levelSince: T0, startedAt: T0, trigger: bounce, reviewedAt: null, ...extra };
}

const crossed = (overrides: Partial<Extract<ProbationEvent, { type: 'figures_crossed' }>> = {}): ProbationEvent => ({
  type: 'figures_crossed',
  at: T0,
  plan: 'starter',
  triggers: [bounce],
  windowStartsAt: at(-32),
  ...overrides,
});
const deadline = (days: number): ProbationEvent => ({ type: 'deadline_passed', at: at(days) });
const reviewed = (days = 1): ProbationEvent => ({ type: 'review_completed', at: at(days), actorId: 3 });

describe('the probation state machine', () => {
  // Every level × every event: what it becomes, or why it refuses.
  const table: Array<[ProbationLevel, string, ProbationEvent, ProbationLevel | { refused: string }]> = [
    ['healthy', 'figures crossed on a starter plan', crossed(), 'probation'],
    ['healthy', 'figures crossed on a free plan', crossed({ plan: 'free' }), 'probation'],
    ['healthy', 'figures crossed on a professional plan', crossed({ plan: 'professional' }), { refused: 'not_eligible' }],
    ['healthy', 'figures crossed on an enterprise plan', crossed({ plan: 'enterprise' }), { refused: 'not_eligible' }],
    ['healthy', 'no figure crossed', crossed({ triggers: [] }), { refused: 'no_trigger' }],
    ['healthy', 'a deadline', deadline(30), { refused: 'not_under_watch' }],
    ['healthy', 'a review', reviewed(), { refused: 'not_under_watch' }],

    ['probation', 'figures crossed again', crossed(), { refused: 'already_under_watch' }],
    ['probation', 'day 13, before its deadline', deadline(13), { refused: 'not_due' }],
    ['probation', 'day 14, its deadline', deadline(14), 'warning_1'],
    ['probation', 'a review', reviewed(), 'healthy'],

    ['warning_1', 'figures crossed again', crossed(), { refused: 'already_under_watch' }],
    ['warning_1', 'day 6', deadline(6), { refused: 'not_due' }],
    ['warning_1', 'day 7', deadline(7), 'warning_2'],
    ['warning_1', 'a review', reviewed(), 'healthy'],

    ['warning_2', 'figures crossed again', crossed(), { refused: 'already_under_watch' }],
    ['warning_2', 'day 6', deadline(6), { refused: 'not_due' }],
    ['warning_2', 'day 7', deadline(7), 'suspended'],
    ['warning_2', 'a review', reviewed(), 'healthy'],

    ['suspended', 'figures crossed again', crossed(), { refused: 'already_under_watch' }],
    ['suspended', 'a deadline', deadline(365), { refused: 'already_suspended' }],
    ['suspended', 'a review', reviewed(), 'healthy'],
  ];

  it('covers every level', () => {
    expect(new Set(table.map(([level]) => level))).toEqual(new Set(ProbationLevel.options));
  });

  it.each(table)('%s + %s', (level, _name, event, expected) => {
    const before = stateAt(level);
    const result = transition(before, event);
    if (typeof expected === 'string') {
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.state.level).toBe(expected);
      expect(result.transition).toMatchObject({ from: level, to: expected, at: event.at });
    } else {
      expect(result).toEqual({ ok: false, reason: expected.refused });
    }
    // Refused or not, the state passed in is never changed.
    expect(before).toEqual(stateAt(level));
  });

  it('records the cause, the figure and the time of a new probation', () => {
    const result = transition(HEALTHY, crossed());
    expect(result).toEqual({
      ok: true,
      state: { level: 'probation', levelSince: T0, startedAt: T0, trigger: bounce, reviewedAt: null },
      transition: { from: 'healthy', to: 'probation', cause: 'threshold_crossed', at: T0, actorId: null, trigger: bounce },
    });
  });

  it('records who completed the review, and forgets the probation it lifted', () => {
    const result = transition(stateAt('warning_2'), reviewed(2));
    expect(result).toEqual({
      ok: true,
      state: { level: 'healthy', levelSince: at(2), startedAt: null, trigger: null, reviewedAt: at(2) },
      transition: { from: 'warning_2', to: 'healthy', cause: 'review_completed', at: at(2), actorId: 3, trigger: null },
    });
  });

  it('keeps the start of the probation and its figure through the warnings', () => {
    const result = transition(stateAt('probation'), deadline(14));
    expect(result.ok && result.state).toMatchObject({ levelSince: at(14), startedAt: T0, trigger: bounce });
    expect(result.ok && result.transition).toMatchObject({ cause: 'deadline_passed', actorId: null });
  });

  it('does not start a new probation on figures measured before the last review', () => {
    const reviewedState = { ...HEALTHY, level: 'healthy' as const, levelSince: at(0), reviewedAt: at(0) };
    expect(transition(reviewedState, crossed({ at: at(5), windowStartsAt: at(-27) }))).toEqual({ ok: false, reason: 'reviewed_within_window' });
    const later = transition(reviewedState, crossed({ at: at(33), windowStartsAt: at(1) }));
    expect(later.ok && later.state.level).toBe('probation');
  });

  it('escalates by the days in the rules, as data', () => {
    expect(nextEscalation(HEALTHY)).toBeNull();
    expect(nextEscalation(stateAt('probation'))).toEqual({ level: 'warning_1', at: at(PROBATION_RULES.escalation.probation.afterDays) });
    expect(nextEscalation(stateAt('warning_1'))).toEqual({ level: 'warning_2', at: at(7) });
    expect(nextEscalation(stateAt('warning_2'))).toEqual({ level: 'suspended', at: at(7) });
    expect(nextEscalation(stateAt('suspended'))).toBeNull();
    const slow = { ...PROBATION_RULES, escalation: { ...PROBATION_RULES.escalation, probation: { to: 'warning_1' as const, afterDays: 30 } } };
    expect(transition(stateAt('probation'), deadline(14), slow)).toEqual({ ok: false, reason: 'not_due' });
  });

  it('says what a level allows', () => {
    expect(ProbationLevel.options.map((l) => [l, canSendMarketing(l), warningNumber(l)])).toEqual([
      ['healthy', true, null],
      ['probation', true, null],
      ['warning_1', true, 1],
      ['warning_2', true, 2],
      ['suspended', false, null],
    ]);
    expect(PROBATION_RULES.warnings).toBe(2);
    expect(Plan.options.filter((p) => PROBATION_RULES.plans.includes(p))).toEqual(['free', 'starter']);
  });
});

describe('evaluate', () => {
  const assessment = (days: number, triggers = [bounce], windowStartsAt = at(days - 32)) => ({
    now: at(days),
    plan: 'starter' as const,
    triggers,
    windowStartsAt,
  });

  it('changes nothing when nothing is due', () => {
    expect(evaluate(stateAt('probation'), assessment(13.9))).toEqual({ state: stateAt('probation'), transitions: [] });
    expect(evaluate(HEALTHY, assessment(3, []))).toEqual({ state: HEALTHY, transitions: [] });
  });

  it('catches up one level at a time, each at the moment it fell due', () => {
    const { state, transitions } = evaluate(stateAt('probation'), assessment(40));
    expect(state.level).toBe('suspended');
    expect(transitions.map((t) => [t.from, t.to, t.at])).toEqual([
      ['probation', 'warning_1', at(14)],
      ['warning_1', 'warning_2', at(21)],
      ['warning_2', 'suspended', at(28)],
    ]);
  });

  it('starts a probation when a healthy account crosses a threshold', () => {
    const { state, transitions } = evaluate(HEALTHY, assessment(0));
    expect(state.level).toBe('probation');
    expect(transitions).toHaveLength(1);
  });
});

describe('the contact review', () => {
  const now = new Date('2026-11-20T00:00:00Z');
  it.each([
    [{ consent: 'explicit', lastEngagedAt: at(40), addressStatus: 'valid' }, []],
    [{ consent: 'implied', lastEngagedAt: at(40), addressStatus: 'valid' }, []],
    [{ consent: 'none', lastEngagedAt: at(40), addressStatus: 'valid' }, ['no_consent']],
    [{ consent: 'explicit', lastEngagedAt: null, addressStatus: 'valid' }, ['not_engaged']],
    [{ consent: 'explicit', lastEngagedAt: new Date(now.getTime() - 181 * DAY), addressStatus: 'valid' }, ['not_engaged']],
    [{ consent: 'explicit', lastEngagedAt: new Date(now.getTime() - 179 * DAY), addressStatus: 'valid' }, []],
    [{ consent: 'explicit', lastEngagedAt: at(40), addressStatus: 'invalid' }, ['invalid_address']],
    [{ consent: 'explicit', lastEngagedAt: at(40), addressStatus: 'bounced' }, ['invalid_address']],
    [{ consent: 'explicit', lastEngagedAt: at(40), addressStatus: 'role_based' }, ['invalid_address']],
    [{ consent: 'none', lastEngagedAt: null, addressStatus: 'bounced' }, ['no_consent', 'not_engaged', 'invalid_address']],
  ] as const)('%o has problems %o', (contact, problems) => {
    expect(contactProblems(contact, now)).toEqual(problems);
  });

  it.each([
    [{ step: 1, furthestStep: 1 }, 2, true],
    [{ step: 1, furthestStep: 1 }, 3, false],
    [{ step: 3, furthestStep: 3 }, 1, true],
    [{ step: 1, furthestStep: 4 }, 5, true],
    [{ step: 5, furthestStep: 5 }, 6, false],
    [{ step: 1, furthestStep: 1 }, 0, false],
    [{ step: 1, furthestStep: 1 }, 1.5, false],
  ])('from %o, step %i can be reached: %s', (progress, step, ok) => {
    expect(canGoToStep(progress, step)).toBe(ok);
  });

  it('remembers the furthest step when going back', () => {
    expect(goToStep({ step: 4, furthestStep: 4 }, 2)).toEqual({ step: 2, furthestStep: 4 });
    expect(goToStep({ step: 2, furthestStep: 4 }, 3)).toEqual({ step: 3, furthestStep: 4 });
  });

  it.each([
    [{ step: 5, furthestStep: 5 }, true, null],
    [{ step: 5, furthestStep: 5 }, false, 'not_confirmed'],
    [{ step: 3, furthestStep: 3 }, false, 'not_confirmed'],
    [{ step: 3, furthestStep: 3 }, true, 'steps_skipped'],
    [{ step: 4, furthestStep: 5 }, true, 'steps_skipped'],
  ] as const)('completing from %o, confirmed %s: %s', (progress, confirmed, refusal) => {
    expect(completionRefusal(progress, confirmed)).toBe(refusal);
  });
});
