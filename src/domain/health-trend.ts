// The health early warning (docs/domain.md §9): where a rate is heading at its current pace.
// Pure: daily counts in, warnings out.

import type { RateKey, RecommendationCode } from '../contract/email-health';
import { BANDS, RATE_KEYS, RATE_RECOMMENDATION, SUSPENSION_LIMITS, rateOf, type EmailCounts, type RateFigure } from './health';

/** The trend is taken over the last this many days of the reporting window. */
export const TREND_DAYS = 14;
/** A trend needs at least this many days with emails to divide by. */
export const MIN_TREND_POINTS = 2;
/** A threshold further away than this, at the current pace, is no warning: the trend is flat. */
export const WARNING_HORIZON_DAYS = 30;

export type WarningThresholdKind = 'attention' | 'probation' | 'warning' | 'suspension';

export interface EarlyWarning {
  key: RateKey;
  /** The rate now (the reporting window's figure). */
  value: number;
  /** Change of the daily rate per day, by least squares; positive when the rate rises. */
  slopePerDay: number;
  threshold: number;
  thresholdKind: WarningThresholdKind;
  /** Whole days until the rate reaches the threshold at this pace, at least 1. */
  days: number;
  recommendation: RecommendationCode;
}

/** Least-squares slope of y over x; null with fewer than two distinct x. */
export function leastSquaresSlope(points: ReadonlyArray<{ x: number; y: number }>): number | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  return sxx === 0 ? null : sxy / sxx;
}

/** The slope of one rate's daily values; days with nothing to divide by are left out. `x` is
 * the day's index (0 = oldest). */
export function rateSlope(key: RateKey, days: ReadonlyArray<{ x: number; counts: EmailCounts }>): number | null {
  const points = days.flatMap(({ x, counts }) => {
    const r = rateOf(key, counts);
    return r.value === null ? [] : [{ x, y: r.value }];
  });
  return points.length < MIN_TREND_POINTS ? null : leastSquaresSlope(points);
}

/** The thresholds a rate can still cross on its way to worse, nearest first. */
function thresholdsAhead(rate: RateFigure, probationEligible: boolean): Array<{ value: number; kind: WarningThresholdKind }> {
  const edges = BANDS[rate.key];
  const list: Array<{ value: number; kind: WarningThresholdKind }> = [{ value: edges.attention, kind: 'attention' }];
  if (probationEligible && rate.probationThreshold !== null) list.push({ value: rate.probationThreshold, kind: 'probation' });
  const limit = SUSPENSION_LIMITS[rate.key];
  if (limit) list.push({ value: limit.warnFrom, kind: 'warning' }, { value: limit.limit, kind: 'suspension' });
  const value = rate.value ?? 0;
  return edges.better === 'lower'
    ? list.filter((t) => t.value > value).sort((a, b) => a.value - b.value)
    : list.filter((t) => t.value < value).sort((a, b) => b.value - a.value);
}

/**
 * For each rate heading towards a threshold it has not crossed yet: at this pace (the slope of
 * its daily values over the last TREND_DAYS), in about how many days it gets there, and what to
 * do (the health view's recommendation for that rate). None for a rate that is flat, improving,
 * not judged (too little data), or further than WARNING_HORIZON_DAYS from its next threshold.
 */
export function earlyWarnings(
  rates: readonly RateFigure[],
  days: ReadonlyArray<{ x: number; counts: EmailCounts }>,
  probationEligible: boolean,
): EarlyWarning[] {
  const out: EarlyWarning[] = [];
  for (const key of RATE_KEYS) {
    const rate = rates.find((r) => r.key === key);
    if (!rate || rate.band === null || rate.value === null) continue;
    const slope = rateSlope(key, days);
    if (slope === null) continue;
    const worsening = BANDS[key].better === 'lower' ? slope > 0 : slope < 0;
    if (!worsening) continue;
    const next = thresholdsAhead(rate, probationEligible)[0];
    if (!next) continue;
    const exact = Math.abs(next.value - rate.value) / Math.abs(slope);
    if (exact > WARNING_HORIZON_DAYS) continue;
    out.push({
      key,
      value: rate.value,
      slopePerDay: slope,
      threshold: next.value,
      thresholdKind: next.kind,
      // A hair under a whole day is that day, not the next: float noise must not add one.
      days: Math.max(1, Math.ceil(exact - 1e-9)),
      recommendation: RATE_RECOMMENDATION[key],
    });
  }
  return out.sort((a, b) => a.days - b.days);
}
