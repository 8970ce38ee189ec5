import { MailboxProvider } from '../../src/contract/codes';
import {
  type EmailHealth,
  type EmailHealthQuery,
  type NotSentSummary,
  type ProviderBreakdown,
  type ReportingWindow,
  type ThresholdLine,
  type TrendSeries,
} from '../../src/contract/email-health';
import {
  SUSPENSION_LIMITS,
  ZERO_COUNTS,
  addCounts,
  assessProbation,
  hasEnoughData,
  isoDay,
  MINIMUM_SENT,
  notSentGroupOf,
  overallStatus,
  rateFigures,
  rateOf,
  recommendations,
  reportingWindow,
  senderProblemCount,
  trendBuckets,
  type EmailCounts,
  type RateFigure,
  type WindowRange,
} from '../../src/domain/health';
import { thresholdsFor } from '../../src/domain/industry-benchmarks';
import { earlyWarnings, TREND_DAYS } from '../../src/domain/health-trend';
import { isUnderWatch } from '../../src/domain/probation';
import type { Db } from '../store/db';
import { readAccount } from '../account/store';
import { dailyCounts, notSentCounts, type NotSentCount } from './store';
import { syncProbation } from '../probation/service';

/** The window as the contract states it. */
export function windowOut(w: WindowRange): ReportingWindow {
  return { key: w.key, from: w.from, to: w.to, days: w.days, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() };
}

/** Day after the window's last one: the exclusive bound of the rollup queries. */
const dayAfter = (w: WindowRange) => isoDay(w.endsAt.getTime());

/**
 * The email health of the account as of `now`: marketing email rates of the window with their
 * bands and limits, trend, providers, not-sent reasons (sales and marketing), recommendations,
 * status and probation. Reads the daily rollups only.
 */
export async function emailHealth(db: Db, query: EmailHealthQuery, now: Date): Promise<EmailHealth> {
  const account = await readAccount(db);
  const thresholds = thresholdsFor(account.industry);
  const window = reportingWindow(query.window, now);
  // Probation is always judged on the 30-day window, whichever one is on screen.
  const window30 = reportingWindow('30d', now);
  const from = window.from < window30.from ? window.from : window30.from;

  const [daily, notSent] = await Promise.all([
    dailyCounts(db, 'marketing', from, dayAfter(window)),
    notSentCounts(db, window.from, dayAfter(window)),
  ]);

  const buckets = trendBuckets(window, query.granularity);
  const bucketCounts: EmailCounts[] = buckets.map(() => ({ ...ZERO_COUNTS }));
  const bucketOfDay = new Map<string, number>();
  buckets.forEach((b, i) => {
    for (let d = Date.parse(`${b.from}T00:00:00Z`); isoDay(d) <= b.to; d += 86_400_000) bucketOfDay.set(isoDay(d), i);
  });
  const byProvider = new Map<string, EmailCounts>();
  let total: EmailCounts = { ...ZERO_COUNTS };
  let total30: EmailCounts = { ...ZERO_COUNTS };
  for (const row of daily) {
    if (row.day >= window30.from) total30 = addCounts(total30, row);
    if (row.day < window.from) continue;
    total = addCounts(total, row);
    byProvider.set(row.provider, addCounts(byProvider.get(row.provider) ?? ZERO_COUNTS, row));
    const b = bucketOfDay.get(row.day);
    if (b !== undefined) bucketCounts[b] = addCounts(bucketCounts[b] as EmailCounts, row);
  }

  // The early warning: the 30-day figures and the daily rates of its last TREND_DAYS days.
  const trendFrom = isoDay(window30.endsAt.getTime() - TREND_DAYS * 86_400_000);
  const trendDays = new Map<string, EmailCounts>();
  for (const row of daily) {
    if (row.day < trendFrom || row.day > window30.to) continue;
    trendDays.set(row.day, addCounts(trendDays.get(row.day) ?? ZERO_COUNTS, row));
  }
  const trendPoints = [...trendDays.entries()].map(([day, counts]) => ({
    x: (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${trendFrom}T00:00:00Z`)) / 86_400_000,
    counts,
  }));

  const enough = hasEnoughData(total);
  const rates = rateFigures(total, thresholds);
  const status = overallStatus(rates, enough);
  const assessment = assessProbation(account.plan, thresholds, total30);
  // On probation is the account's stored state (warnings and suspension included), brought up
  // to date first, so that this view and Marketing email agree.
  const { account: stored } = await syncProbation(db, now);
  const probation = {
    ...assessment,
    onProbation: isUnderWatch(stored.level),
    since: stored.startedAt && isUnderWatch(stored.level) ? stored.startedAt.toISOString() : null,
  };

  return {
    asOf: now.toISOString(),
    window: windowOut(window),
    minimumSent: MINIMUM_SENT,
    sent: total.sent,
    delivered: total.delivered,
    notEnoughData: !enough,
    status,
    rates,
    benchmark: { industry: account.industry, source: thresholds.benchmarkSource, ...thresholds.benchmark },
    trend: {
      granularity: query.granularity,
      series: rates.map((rate) => trendSeries(rate, buckets, bucketCounts)),
    },
    providers: MailboxProvider.options.map((provider) => providerBreakdown(provider, byProvider.get(provider) ?? ZERO_COUNTS)),
    notSent: notSentSummary(notSent),
    recommendations: recommendations({
      rates,
      status,
      probation,
      senderProblems: senderProblemCount(notSent),
    }),
    earlyWarnings: earlyWarnings(rateFigures(total30, thresholds), trendPoints, assessment.eligible),
    probation: { plan: account.plan, ...probation },
  };
}

function trendSeries(rate: RateFigure, buckets: ReturnType<typeof trendBuckets>, counts: EmailCounts[]): TrendSeries {
  const thresholds: ThresholdLine[] = [
    { kind: 'healthy', value: rate.bandEdges.healthy },
    { kind: 'attention', value: rate.bandEdges.attention },
  ];
  const limit = SUSPENSION_LIMITS[rate.key];
  if (limit) thresholds.push({ kind: 'suspension', value: limit.limit });
  if (rate.probationThreshold !== null) thresholds.push({ kind: 'probation', value: rate.probationThreshold });
  if (rate.benchmark !== null) thresholds.push({ kind: 'benchmark', value: rate.benchmark });
  return {
    key: rate.key,
    thresholds,
    points: buckets.map((b, i) => ({ ...b, ...rateOf(rate.key, counts[i] as EmailCounts) })),
  };
}

function providerBreakdown(provider: MailboxProvider, c: EmailCounts): ProviderBreakdown {
  return {
    provider,
    sent: c.sent,
    delivered: c.delivered,
    hardBounce: rateOf('hardBounce', c),
    softBounce: rateOf('softBounce', c),
    spamReport: rateOf('spamReport', c),
  };
}

function notSentSummary(counts: readonly NotSentCount[]): NotSentSummary {
  const byReason = new Map<NotSentCount['reason'], { count: number; sales: number; marketing: number }>();
  for (const c of counts) {
    const entry = byReason.get(c.reason) ?? { count: 0, sales: 0, marketing: 0 };
    entry.count += c.count;
    entry[c.kind] += c.count;
    byReason.set(c.reason, entry);
  }
  const groups = (['recipient', 'sender'] as const).map((group) => {
    const reasons = [...byReason.entries()]
      .filter(([reason]) => notSentGroupOf(reason) === group)
      .map(([reason, v]) => ({ reason, ...v }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    return { group, total: reasons.reduce((s, r) => s + r.count, 0), reasons };
  });
  return { total: groups.reduce((s, g) => s + g.total, 0), groups };
}
