import type { NotSentReason, Plan } from '../contract/codes';
import { RecipientNotSentReason } from '../contract/codes';
import type {
  HealthBand,
  HealthStatus,
  HealthWindow,
  LimitState,
  NotSentGroup,
  RateKey,
  Recommendation,
  TrendGranularity,
} from '../contract/email-health';
import type { IndustryThresholds } from './industry-benchmarks';

// The email health rules (docs/domain.md §5–§6): rates, bands, suspension limits, the reporting
// window, probation and recommendations. Pure: figures in, judgements out.
//
// Which emails: marketing email only (the reference CRM's health view and its limits are about
// marketing email; sales email goes out one-to-one from the reps' own inboxes).
// Denominators: bounces are over emails *sent* (a bounce means it was not delivered); spam
// reports, unsubscribes, opens and clicks over emails *delivered* (only a delivered email can be
// reported, opened or clicked). The click rate is click-through over delivered, not over opens.
// Comparisons are exact: a rate is compared with a threshold as numerator × 10⁶ against
// threshold-in-ppm × denominator, in integers, so 100 of 10,000 is exactly 1%.

const DAY_MS = 86_400_000;

/** Below this many marketing emails sent in the window there is not enough data to judge. */
export const MINIMUM_SENT = 400;
/** Events of the last 48 hours are still arriving (opens, bounces, reports): left out. */
export const EXCLUDED_HOURS = 48;
export const WINDOW_DAYS: Record<HealthWindow, number> = { '30d': 30, '90d': 90 };

/** The counts of one window (or day, or provider). */
export interface EmailCounts {
  sent: number;
  delivered: number;
  hardBounces: number;
  softBounces: number;
  spamReports: number;
  unsubscribes: number;
  opened: number;
  clicked: number;
}

export const ZERO_COUNTS: Readonly<EmailCounts> = Object.freeze({
  sent: 0,
  delivered: 0,
  hardBounces: 0,
  softBounces: 0,
  spamReports: 0,
  unsubscribes: 0,
  opened: 0,
  clicked: 0,
});

export function addCounts(a: EmailCounts, b: EmailCounts): EmailCounts {
  return {
    sent: a.sent + b.sent,
    delivered: a.delivered + b.delivered,
    hardBounces: a.hardBounces + b.hardBounces,
    softBounces: a.softBounces + b.softBounces,
    spamReports: a.spamReports + b.spamReports,
    unsubscribes: a.unsubscribes + b.unsubscribes,
    opened: a.opened + b.opened,
    clicked: a.clicked + b.clicked,
  };
}

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when the denominator is 0. */
  value: number | null;
}

export const RATE_KEYS: readonly RateKey[] = ['hardBounce', 'softBounce', 'spamReport', 'unsubscribe', 'open', 'click'];

const NUMERATOR: Record<RateKey, keyof EmailCounts> = {
  hardBounce: 'hardBounces',
  softBounce: 'softBounces',
  spamReport: 'spamReports',
  unsubscribe: 'unsubscribes',
  open: 'opened',
  click: 'clicked',
};

export const DENOMINATOR: Record<RateKey, 'sent' | 'delivered'> = {
  hardBounce: 'sent',
  softBounce: 'sent',
  spamReport: 'delivered',
  unsubscribe: 'delivered',
  open: 'delivered',
  click: 'delivered',
};

export function ratio(numerator: number, denominator: number): Ratio {
  // Capped at 1: inconsistent rows (an open on an undelivered email) must not break the view.
  return { numerator, denominator, value: denominator > 0 ? Math.min(1, numerator / denominator) : null };
}

/** One of the six rates from the counts, with the denominator documented above. */
export function rateOf(key: RateKey, counts: EmailCounts): Ratio {
  return ratio(counts[NUMERATOR[key]], counts[DENOMINATOR[key]]);
}

/** Sign of (numerator / denominator − threshold), exactly. Thresholds are whole ppm. */
export function compareRate(r: Pick<Ratio, 'numerator' | 'denominator'>, threshold: number): -1 | 0 | 1 {
  const ppm = Math.round(threshold * 1_000_000);
  const diff = r.numerator * 1_000_000 - ppm * r.denominator;
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

export interface BandEdges {
  better: 'lower' | 'higher';
  /** Healthy strictly beyond this (below it for `lower`, above it for `higher`). */
  healthy: number;
  /** Needs attention strictly beyond this; between the two edges, both included, is room
   * for improvement. */
  attention: number;
}

/** docs/domain.md §6's three-band table. The bounce bands apply to hard and soft bounces apart. */
export const BANDS: Record<RateKey, BandEdges> = {
  hardBounce: { better: 'lower', healthy: 0.01, attention: 0.02 },
  softBounce: { better: 'lower', healthy: 0.01, attention: 0.02 },
  spamReport: { better: 'lower', healthy: 0.0001, attention: 0.0005 },
  unsubscribe: { better: 'lower', healthy: 0.003, attention: 0.01 },
  open: { better: 'higher', healthy: 0.33, attention: 0.27 },
  click: { better: 'higher', healthy: 0.012, attention: 0.008 },
};

/** The band of a rate, or null when there is nothing to divide by. */
export function bandOf(key: RateKey, r: Pick<Ratio, 'numerator' | 'denominator'>): HealthBand | null {
  if (r.denominator <= 0) return null;
  const edges = BANDS[key];
  // Turn "higher is better" around so that one rule serves both directions.
  const s = edges.better === 'lower' ? 1 : -1;
  if (s * compareRate(r, edges.healthy) < 0) return 'healthy';
  if (s * compareRate(r, edges.attention) > 0) return 'needs_attention';
  return 'room_for_improvement';
}

export interface SuspensionLimit {
  /** Suspension strictly above this. */
  limit: number;
  /** From here (inclusive) up to the limit (inclusive) the view warns: close to suspension. */
  warnFrom: number;
}

/** The reference CRM's suspension limits (assessed over a month, cumulatively). The warning
 * starts at 80% of the limit. */
export const SUSPENSION_LIMITS: Partial<Record<RateKey, SuspensionLimit>> = {
  hardBounce: { limit: 0.05, warnFrom: 0.04 },
  spamReport: { limit: 0.001, warnFrom: 0.0008 },
  unsubscribe: { limit: 0.05, warnFrom: 0.04 },
};

/** Where a rate stands against its suspension limit; null when none applies or no data. */
export function limitStateOf(key: RateKey, r: Pick<Ratio, 'numerator' | 'denominator'>): LimitState | null {
  const limit = SUSPENSION_LIMITS[key];
  if (!limit || r.denominator <= 0) return null;
  if (compareRate(r, limit.limit) > 0) return 'exceeded';
  if (compareRate(r, limit.warnFrom) >= 0) return 'close';
  return 'within';
}

// ---- the reporting window --------------------------------------------------------------------

export interface WindowRange {
  key: HealthWindow;
  /** First UTC day covered, YYYY-MM-DD. */
  from: string;
  /** Last UTC day covered, YYYY-MM-DD (inclusive). */
  to: string;
  days: number;
  /** Inclusive. */
  startsAt: Date;
  /** Exclusive. */
  endsAt: Date;
}

/**
 * The last 30 (or 90) days as of `now`, leaving out the last 48 hours, in whole UTC days (the
 * rollups are daily): from the start of the UTC day 30 days before today, inclusive, to the
 * start of the UTC day 48 hours ago, exclusive. So 28 (or 88) whole days, and what is left out
 * is at least the last 48 hours (up to 72).
 */
export function reportingWindow(key: HealthWindow, now: Date): WindowRange {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const endsAt = today - (EXCLUDED_HOURS / 24) * DAY_MS;
  const startsAt = today - WINDOW_DAYS[key] * DAY_MS;
  return {
    key,
    from: isoDay(startsAt),
    to: isoDay(endsAt - DAY_MS),
    days: (endsAt - startsAt) / DAY_MS,
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
  };
}

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export interface Bucket {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** The trend's buckets over a window: each UTC day, or ISO weeks (Monday first) cut to the
 * window at both ends. Oldest first. */
export function trendBuckets(window: Pick<WindowRange, 'from' | 'to'>, granularity: TrendGranularity): Bucket[] {
  const out: Bucket[] = [];
  const last = dayMs(window.to);
  for (let start = dayMs(window.from); start <= last; ) {
    let end = start;
    if (granularity === 'week') {
      const weekday = (new Date(start).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      end = Math.min(last, start + (6 - weekday) * DAY_MS);
    }
    out.push({ from: isoDay(start), to: isoDay(end) });
    start = end + DAY_MS;
  }
  return out;
}

// ---- rates with their judgements -------------------------------------------------------------

export interface RateFigure extends Ratio {
  key: RateKey;
  denominatorKind: 'sent' | 'delivered';
  better: 'lower' | 'higher';
  band: HealthBand | null;
  bandEdges: { healthy: number; attention: number };
  suspensionLimit: number | null;
  limitState: LimitState | null;
  probationThreshold: number | null;
  benchmark: number | null;
}

/** The probation threshold of a rate for the account's industry, where one applies. */
export function probationThresholdOf(key: RateKey, thresholds: IndustryThresholds): number | null {
  if (key === 'hardBounce' || key === 'spamReport' || key === 'unsubscribe') return thresholds.probation[key];
  return null;
}

function benchmarkOf(key: RateKey, thresholds: IndustryThresholds): number | null {
  return key === 'open' || key === 'click' ? thresholds.benchmark[key] : null;
}

/**
 * The six rates of a window with band, limit state, probation threshold and benchmark. Below
 * MINIMUM_SENT the values are still given but nothing is judged (band and limit state null).
 */
export function rateFigures(counts: EmailCounts, thresholds: IndustryThresholds): RateFigure[] {
  const enough = hasEnoughData(counts);
  return RATE_KEYS.map((key) => {
    const r = rateOf(key, counts);
    const { better, healthy, attention } = BANDS[key];
    return {
      key,
      ...r,
      denominatorKind: DENOMINATOR[key],
      better,
      band: enough ? bandOf(key, r) : null,
      bandEdges: { healthy, attention },
      suspensionLimit: SUSPENSION_LIMITS[key]?.limit ?? null,
      limitState: enough ? limitStateOf(key, r) : null,
      probationThreshold: probationThresholdOf(key, thresholds),
      benchmark: benchmarkOf(key, thresholds),
    };
  });
}

export function hasEnoughData(counts: Pick<EmailCounts, 'sent'>): boolean {
  return counts.sent >= MINIMUM_SENT;
}

// ---- probation -------------------------------------------------------------------------------

/** Probation applies to the free tools and the entry marketing plan (docs/domain.md §5). */
export const PROBATION_PLANS: readonly Plan[] = ['free', 'starter'];

export interface ProbationAssessment {
  eligible: boolean;
  /** Eligible, enough data, and at least one figure strictly above its industry threshold. */
  figuresWouldTrigger: boolean;
  /** The figures above their thresholds (also listed for plans that are not eligible). */
  triggers: Array<{ key: RateKey; value: number; threshold: number }>;
}

/**
 * Whether the account's figures would put it on probation. Assessed over the 30-day window
 * whatever window is on screen, and never below MINIMUM_SENT.
 */
export function assessProbation(plan: Plan, thresholds: IndustryThresholds, counts30: EmailCounts): ProbationAssessment {
  const eligible = PROBATION_PLANS.includes(plan);
  const triggers: ProbationAssessment['triggers'] = [];
  if (hasEnoughData(counts30)) {
    for (const key of ['hardBounce', 'spamReport', 'unsubscribe'] as const) {
      const r = rateOf(key, counts30);
      const threshold = thresholds.probation[key];
      if (r.value !== null && compareRate(r, threshold) > 0) triggers.push({ key, value: r.value, threshold });
    }
  }
  return { eligible, figuresWouldTrigger: eligible && triggers.length > 0, triggers };
}

// ---- overall status --------------------------------------------------------------------------

/** Rates about deliverability (they put sending at risk) rather than engagement. */
const DELIVERABILITY: ReadonlySet<RateKey> = new Set(['hardBounce', 'softBounce', 'spamReport', 'unsubscribe']);

/**
 * The account's status, worst first:
 * - `not_enough_data`: fewer than MINIMUM_SENT marketing emails sent in the window;
 * - `critical`: a suspension limit is exceeded;
 * - `at_risk`: close to a suspension limit, or a deliverability rate (bounces, spam,
 *   unsubscribes) needs attention;
 * - `needs_improvement`: an engagement rate (open, click) needs attention, or any rate has
 *   room for improvement;
 * - `healthy`: every rate is healthy.
 */
export function overallStatus(rates: readonly RateFigure[], enoughData: boolean): HealthStatus {
  if (!enoughData) return 'not_enough_data';
  if (rates.some((r) => r.limitState === 'exceeded')) return 'critical';
  if (rates.some((r) => r.limitState === 'close' || (DELIVERABILITY.has(r.key) && r.band === 'needs_attention'))) {
    return 'at_risk';
  }
  if (rates.some((r) => r.band === 'needs_attention' || r.band === 'room_for_improvement')) return 'needs_improvement';
  return 'healthy';
}

// ---- not-sent reasons ------------------------------------------------------------------------

const RECIPIENT_REASONS: ReadonlySet<string> = new Set(RecipientNotSentReason.options);

/** Recipient problems against sender / account / provider problems (docs/domain.md §3). */
export function notSentGroupOf(reason: NotSentReason): NotSentGroup {
  return RECIPIENT_REASONS.has(reason) ? 'recipient' : 'sender';
}

/** Sender-side reasons that are a choice, not a problem to fix. */
const INTENTIONAL_NOT_SENT: ReadonlySet<NotSentReason> = new Set(['CANCELLED_BY_USER']);

/** Emails not sent because of the sender, the account or the provider: something to fix. */
export function senderProblemCount(counts: ReadonlyArray<{ reason: NotSentReason; count: number }>): number {
  return counts
    .filter((c) => notSentGroupOf(c.reason) === 'sender' && !INTENTIONAL_NOT_SENT.has(c.reason))
    .reduce((sum, c) => sum + c.count, 0);
}

// ---- recommendations -------------------------------------------------------------------------

/** The recommendation that answers each rate. */
export const RATE_RECOMMENDATION: Record<RateKey, Recommendation['code']> = {
  hardBounce: 'REMOVE_BOUNCING_ADDRESSES',
  spamReport: 'REDUCE_SPAM_REPORTS',
  unsubscribe: 'REDUCE_UNSUBSCRIBES',
  softBounce: 'CHECK_SOFT_BOUNCES',
  open: 'IMPROVE_OPENS',
  click: 'IMPROVE_CLICKS',
};

/** Among recommendations of the same urgency, what matters more for sending comes first. */
const ORDER: Record<Recommendation['code'], number> = {
  COMPLETE_CONTACT_REVIEW: 0,
  REMOVE_BOUNCING_ADDRESSES: 1,
  REDUCE_SPAM_REPORTS: 2,
  REDUCE_UNSUBSCRIBES: 3,
  CHECK_SOFT_BOUNCES: 4,
  FIX_SENDER_PROBLEMS: 5,
  IMPROVE_OPENS: 6,
  IMPROVE_CLICKS: 7,
  KEEP_MONITORING: 8,
};

export interface RecommendationInput {
  rates: readonly RateFigure[];
  status: HealthStatus;
  probation: ProbationAssessment & { onProbation: boolean };
  /** Emails not sent for sender-side reasons in the window (see senderProblemCount). */
  senderProblems: number;
}

/**
 * What to do, most urgent first. Urgency: finish the contact review while on probation; a rate
 * over its suspension limit; over its industry's probation threshold (eligible plans); close to
 * the limit; needing attention; sender-side sending problems; room for improvement. One
 * recommendation per rate, at its most urgent reason, tied to the figure and the threshold it
 * crossed. Nothing to fix: keep monitoring.
 */
export function recommendations(input: RecommendationInput): Recommendation[] {
  const ranked: Array<{ level: number; rec: Recommendation }> = [];
  const { rates, probation } = input;

  if (probation.onProbation) {
    const first = probation.triggers[0];
    const rate = first && rates.find((r) => r.key === first.key);
    ranked.push({
      level: 0,
      rec: {
        code: 'COMPLETE_CONTACT_REVIEW',
        severity: 'critical',
        basis:
          first && rate
            ? { type: 'rate', key: first.key, ...ratioOf(rate), threshold: first.threshold, thresholdKind: 'probation' }
            : { type: 'status', status: input.status },
      },
    });
  }

  for (const rate of rates) {
    if (rate.band === null) continue;
    const code = RATE_RECOMMENDATION[rate.key];
    const basis = (threshold: number, thresholdKind: 'suspension' | 'probation' | 'warning' | 'attention' | 'healthy') =>
      ({ type: 'rate', key: rate.key, ...ratioOf(rate), threshold, thresholdKind }) as const;
    const limit = SUSPENSION_LIMITS[rate.key];
    const trigger = probation.eligible ? probation.triggers.find((t) => t.key === rate.key) : undefined;
    if (rate.limitState === 'exceeded' && limit) {
      ranked.push({ level: 1, rec: { code, severity: 'critical', basis: basis(limit.limit, 'suspension') } });
    } else if (trigger) {
      ranked.push({ level: 2, rec: { code, severity: 'critical', basis: basis(trigger.threshold, 'probation') } });
    } else if (rate.limitState === 'close' && limit) {
      ranked.push({ level: 3, rec: { code, severity: 'warning', basis: basis(limit.warnFrom, 'warning') } });
    } else if (rate.band === 'needs_attention') {
      ranked.push({ level: 4, rec: { code, severity: 'warning', basis: basis(rate.bandEdges.attention, 'attention') } });
    } else if (rate.band === 'room_for_improvement') {
      ranked.push({ level: 6, rec: { code, severity: 'suggestion', basis: basis(rate.bandEdges.healthy, 'healthy') } });
    }
  }

  if (input.senderProblems > 0) {
    ranked.push({
      level: 5,
      rec: { code: 'FIX_SENDER_PROBLEMS', severity: 'warning', basis: { type: 'not_sent', group: 'sender', count: input.senderProblems } },
    });
  }

  if (ranked.length === 0 && input.status !== 'not_enough_data') {
    ranked.push({ level: 7, rec: { code: 'KEEP_MONITORING', severity: 'suggestion', basis: { type: 'status', status: input.status } } });
  }

  return ranked.sort((a, b) => a.level - b.level || ORDER[a.rec.code] - ORDER[b.rec.code]).map((r) => r.rec);
}

function ratioOf(r: Ratio): Ratio {
  return { numerator: r.numerator, denominator: r.denominator, value: r.value };
}
