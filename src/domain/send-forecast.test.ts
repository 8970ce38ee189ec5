import { describe, expect, it } from 'vitest';
import { overflowOf, pausePointOf, planSpread, summarizeMoves } from './send-forecast';

const sends = (day: number, ids: number[]) => ids.map((id) => ({ id, day }));

describe('the pause point and the overflow', () => {
  it('pauses at 90% of the daily limit (docs/domain.md §6)', () => {
    expect(pausePointOf(350)).toBe(315);
    expect(pausePointOf(1000)).toBe(900);
  });
  it('counts only what is beyond the pause point', () => {
    expect(overflowOf(315, 315)).toBe(0);
    expect(overflowOf(316, 315)).toBe(1);
    expect(overflowOf(10, 315)).toBe(0);
  });
});

describe('planSpread', () => {
  it('moves the overflow to the next day with room, and no further', () => {
    // Day 1 holds 12 with room for 10: its last 2 go to day 2, which has room for 1, then day 3.
    const plan = planSpread([5, 12, 9, 0], 10, sends(1, [101, 102]));
    expect(plan.moves).toEqual([
      { id: 101, from: 1, to: 2 },
      { id: 102, from: 1, to: 3 },
    ]);
    expect(plan.unplaced).toEqual([]);
  });

  it('never fills a day past the pause point and leaves what has no room before the horizon', () => {
    const plan = planSpread([13, 10, 9], 10, sends(0, [1, 2, 3]));
    expect(plan.moves).toEqual([{ id: 1, from: 0, to: 2 }]);
    expect(plan.unplaced).toEqual([2, 3]);
  });

  it('does not move into a day that overflows by itself, and spreads that day too', () => {
    const plan = planSpread([11, 11, 0, 0], 10, [...sends(1, [21]), ...sends(0, [11])]);
    // Day 0's send comes first (earlier sends get earlier days): it passes full day 1.
    expect(plan.moves).toEqual([
      { id: 11, from: 0, to: 2 },
      { id: 21, from: 1, to: 2 },
    ]);
  });

  it('moves nothing when no day is over', () => {
    expect(planSpread([3, 4, 5], 10, [])).toEqual({ moves: [], unplaced: [] });
  });

  it('sums the moves per pair of days', () => {
    const plan = planSpread([0, 14, 8, 0], 10, sends(1, [1, 2, 3, 4]));
    expect(summarizeMoves(plan.moves)).toEqual([
      { from: 1, to: 2, count: 2 },
      { from: 1, to: 3, count: 2 },
    ]);
  });
});
