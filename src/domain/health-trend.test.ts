import { describe, expect, it } from 'vitest';
import { ZERO_COUNTS, rateFigures, type EmailCounts } from './health';
import { earlyWarnings, leastSquaresSlope, rateSlope, WARNING_HORIZON_DAYS } from './health-trend';
import { thresholdsFor } from './industry-benchmarks';

const software = thresholdsFor('software'); // low volume: probation at 4% hard bounces, 3% unsubscribes

/** A day of 1,000 delivered marketing emails with `unsubscribes` and `hardBounces`. */
function day(x: number, c: Partial<EmailCounts>): { x: number; counts: EmailCounts } {
  return { x, counts: { ...ZERO_COUNTS, sent: 1000, delivered: 1000, opened: 400, clicked: 20, ...c } };
}

/** The 30-day figures the view shows, from a total. */
const ratesOf = (c: Partial<EmailCounts>) =>
  rateFigures({ ...ZERO_COUNTS, sent: 10_000, delivered: 10_000, opened: 4000, clicked: 200, ...c }, software);

describe('leastSquaresSlope', () => {
  it('is the slope of the best line', () => {
    expect(leastSquaresSlope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toBeCloseTo(2);
    expect(leastSquaresSlope([{ x: 0, y: 1 }, { x: 1, y: 2 }, { x: 2, y: 0 }])).toBeCloseTo(-0.5);
  });
  it('needs two distinct days', () => {
    expect(leastSquaresSlope([{ x: 3, y: 1 }])).toBeNull();
    expect(leastSquaresSlope([{ x: 3, y: 1 }, { x: 3, y: 2 }])).toBeNull();
  });
  it('leaves out days with nothing to divide by', () => {
    const days = [day(0, { unsubscribes: 1 }), { x: 1, counts: ZERO_COUNTS }, day(2, { unsubscribes: 3 })];
    expect(rateSlope('unsubscribe', days)).toBeCloseTo(0.001);
  });
});

describe('earlyWarnings', () => {
  it('says when a rising rate reaches its next threshold, with the recommendation for it', () => {
    // Unsubscribes at 0.5% now, the daily rate rising 0.05 points a day: the attention edge (1%)
    // is 0.5 points away, so about 10 days.
    const days = Array.from({ length: 14 }, (_, x) => day(x, { unsubscribes: 3 + Math.round(x * 0.5) }));
    const warnings = earlyWarnings(ratesOf({ unsubscribes: 50 }), days, true);
    expect(warnings).toHaveLength(1);
    const [w] = warnings;
    expect(w).toMatchObject({ key: 'unsubscribe', value: 0.005, threshold: 0.01, thresholdKind: 'attention', recommendation: 'REDUCE_UNSUBSCRIBES' });
    expect(w!.slopePerDay).toBeCloseTo(0.0005, 4);
    expect(w!.days).toBe(Math.ceil(0.005 / w!.slopePerDay));
  });

  it('aims at the nearest threshold not crossed yet: probation only for eligible plans', () => {
    // Hard bounces at 3%, above the attention edge (2%); rising 0.1 points a day.
    const days = Array.from({ length: 14 }, (_, x) => day(x, { hardBounces: 20 + x, delivered: 980 - x }));
    const eligible = earlyWarnings(ratesOf({ hardBounces: 300, delivered: 9700 }), days, true);
    expect(eligible[0]).toMatchObject({ key: 'hardBounce', threshold: 0.04, thresholdKind: 'probation', days: 10 });
    const notEligible = earlyWarnings(ratesOf({ hardBounces: 300, delivered: 9700 }), days, false);
    expect(notEligible[0]).toMatchObject({ key: 'hardBounce', threshold: 0.04, thresholdKind: 'warning', days: 10 });
  });

  it('warns when a falling open rate heads to its attention edge', () => {
    const days = Array.from({ length: 14 }, (_, x) => day(x, { opened: 300 - 2 * x }));
    const [w] = earlyWarnings(ratesOf({ opened: 2800 }), days, true);
    expect(w).toMatchObject({ key: 'open', threshold: 0.27, thresholdKind: 'attention', recommendation: 'IMPROVE_OPENS' });
    expect(w!.days).toBe(5);
  });

  it('says nothing for a flat or improving rate', () => {
    const flat = Array.from({ length: 14 }, (_, x) => day(x, { unsubscribes: 5 }));
    expect(earlyWarnings(ratesOf({ unsubscribes: 50 }), flat, true)).toEqual([]);
    const improving = Array.from({ length: 14 }, (_, x) => day(x, { unsubscribes: 14 - x }));
    expect(earlyWarnings(ratesOf({ unsubscribes: 50 }), improving, true)).toEqual([]);
  });

  it(`says nothing when the threshold is more than ${WARNING_HORIZON_DAYS} days away`, () => {
    // 0.01 points a day, 0.5 points to go: 50 days.
    const slow = Array.from({ length: 14 }, (_, x) => day(x, { unsubscribes: 5, delivered: 1000 - (x % 2) * 20 }));
    const slope = rateSlope('unsubscribe', slow) ?? 0;
    expect(Math.abs(slope)).toBeLessThan(0.005 / WARNING_HORIZON_DAYS);
    expect(earlyWarnings(ratesOf({ unsubscribes: 50 }), slow, true)).toEqual([]);
  });

  it('says nothing without enough data to judge', () => {
    const days = Array.from({ length: 14 }, (_, x) => day(x, { unsubscribes: 3 + x }));
    const few = rateFigures({ ...ZERO_COUNTS, sent: 100, delivered: 100, unsubscribes: 1 }, software);
    expect(earlyWarnings(few, days, true)).toEqual([]);
    expect(earlyWarnings(ratesOf({ unsubscribes: 50 }), days.slice(0, 1), true)).toEqual([]);
  });
});
