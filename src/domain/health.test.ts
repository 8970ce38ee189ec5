import { describe, expect, it } from 'vitest';
import { NotSentReason, Plan, RecipientNotSentReason, SenderNotSentReason } from '../contract/codes';
import { Industry, type RateKey } from '../contract/email-health';
import {
  BANDS,
  MINIMUM_SENT,
  SUSPENSION_LIMITS,
  ZERO_COUNTS,
  assessProbation,
  bandOf,
  compareRate,
  limitStateOf,
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
} from './health';
import { GENERAL_BENCHMARK, INDUSTRY_PROFILES, PROBATION_BY_VOLUME, thresholdsFor } from './industry-benchmarks';

// A million emails: one email more or less moves a rate by exactly one ppm, so "just below"
// and "just above" a threshold are one email either side of it.
const M = 1_000_000;
const at = (fraction: number, delta = 0) => ({ numerator: Math.round(fraction * M) + delta, denominator: M });

/** Counts with `sent` sent, everything delivered, and some overrides. */
function counts(over: Partial<EmailCounts> = {}, sent = 10_000): EmailCounts {
  return { ...ZERO_COUNTS, sent, delivered: sent, opened: Math.round(sent * 0.4), clicked: Math.round(sent * 0.02), ...over };
}

describe('rates', () => {
  it('divides bounces by sent and the rest by delivered', () => {
    const c: EmailCounts = {
      sent: 1000,
      delivered: 900,
      hardBounces: 60,
      softBounces: 40,
      spamReports: 1,
      unsubscribes: 9,
      opened: 300,
      clicked: 18,
    };
    expect(rateOf('hardBounce', c)).toEqual({ numerator: 60, denominator: 1000, value: 0.06 });
    expect(rateOf('softBounce', c)).toEqual({ numerator: 40, denominator: 1000, value: 0.04 });
    expect(rateOf('spamReport', c)).toEqual({ numerator: 1, denominator: 900, value: 1 / 900 });
    expect(rateOf('unsubscribe', c)).toEqual({ numerator: 9, denominator: 900, value: 0.01 });
    expect(rateOf('open', c)).toEqual({ numerator: 300, denominator: 900, value: 1 / 3 });
    expect(rateOf('click', c)).toEqual({ numerator: 18, denominator: 900, value: 0.02 });
  });

  it('has no value when nothing was sent or delivered', () => {
    expect(rateOf('hardBounce', ZERO_COUNTS)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(rateOf('open', { ...ZERO_COUNTS, sent: 10, hardBounces: 10 })).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(bandOf('open', { numerator: 0, denominator: 0 })).toBeNull();
  });

  it('compares exactly where floating point would not', () => {
    // 0.1 + 0.2 style traps: 3 of 1,000 is exactly the 0.3% unsubscribe edge.
    expect(compareRate({ numerator: 3, denominator: 1000 }, 0.003)).toBe(0);
    expect(compareRate({ numerator: 7, denominator: 100 }, 0.07)).toBe(0);
    expect(compareRate({ numerator: 1, denominator: 3 }, 0.333333)).toBe(1);
  });
});

describe('bands (docs/domain.md §6)', () => {
  type Case = [RateKey, string, { numerator: number; denominator: number }, string];
  const lower = (key: RateKey, h: number, a: number): Case[] => [
    [key, `just below ${h}`, at(h, -1), 'healthy'],
    [key, `at ${h}`, at(h), 'room_for_improvement'],
    [key, `just above ${h}`, at(h, 1), 'room_for_improvement'],
    [key, `just below ${a}`, at(a, -1), 'room_for_improvement'],
    [key, `at ${a}`, at(a), 'room_for_improvement'],
    [key, `just above ${a}`, at(a, 1), 'needs_attention'],
  ];
  const higher = (key: RateKey, h: number, a: number): Case[] => [
    [key, `just above ${h}`, at(h, 1), 'healthy'],
    [key, `at ${h}`, at(h), 'room_for_improvement'],
    [key, `just below ${h}`, at(h, -1), 'room_for_improvement'],
    [key, `just above ${a}`, at(a, 1), 'room_for_improvement'],
    [key, `at ${a}`, at(a), 'room_for_improvement'],
    [key, `just below ${a}`, at(a, -1), 'needs_attention'],
  ];
  it.each([
    ...lower('hardBounce', 0.01, 0.02),
    ...lower('softBounce', 0.01, 0.02),
    ...lower('spamReport', 0.0001, 0.0005),
    ...lower('unsubscribe', 0.003, 0.01),
    ...higher('open', 0.33, 0.27),
    ...higher('click', 0.012, 0.008),
  ])('%s %s → %s', (key, _label, r, band) => {
    expect(bandOf(key, r)).toBe(band);
  });

  it('keeps the table of docs/domain.md §6', () => {
    expect(BANDS.hardBounce).toEqual({ better: 'lower', healthy: 0.01, attention: 0.02 });
    expect(BANDS.softBounce).toEqual(BANDS.hardBounce);
    expect(BANDS.spamReport).toEqual({ better: 'lower', healthy: 0.0001, attention: 0.0005 });
    expect(BANDS.unsubscribe).toEqual({ better: 'lower', healthy: 0.003, attention: 0.01 });
    expect(BANDS.open).toEqual({ better: 'higher', healthy: 0.33, attention: 0.27 });
    expect(BANDS.click).toEqual({ better: 'higher', healthy: 0.012, attention: 0.008 });
  });

  it('judges hard and soft bounces apart, never together', () => {
    // 1.5% + 1.5% would need attention if mixed; apart, each has room for improvement.
    const figures = rateFigures(counts({ hardBounces: 150, softBounces: 150, delivered: 9700 }), thresholdsFor('software'));
    expect(figures.find((f) => f.key === 'hardBounce')?.band).toBe('room_for_improvement');
    expect(figures.find((f) => f.key === 'softBounce')?.band).toBe('room_for_improvement');
  });
});

describe('suspension limits', () => {
  it('are 5% hard bounce, 0.1% spam, 5% unsubscribe, and none for the others', () => {
    expect(SUSPENSION_LIMITS.hardBounce?.limit).toBe(0.05);
    expect(SUSPENSION_LIMITS.spamReport?.limit).toBe(0.001);
    expect(SUSPENSION_LIMITS.unsubscribe?.limit).toBe(0.05);
    for (const key of ['softBounce', 'open', 'click'] as const) expect(limitStateOf(key, at(0.5))).toBeNull();
  });

  it.each([
    ['hardBounce', 0.04, 0.05],
    ['spamReport', 0.0008, 0.001],
    ['unsubscribe', 0.04, 0.05],
  ] as const)('%s: within below %s, close from it up to %s included, exceeded above', (key, warn, limit) => {
    expect(limitStateOf(key, at(warn, -1))).toBe('within');
    expect(limitStateOf(key, at(warn))).toBe('close');
    expect(limitStateOf(key, at(warn, 1))).toBe('close');
    expect(limitStateOf(key, at(limit, -1))).toBe('close');
    expect(limitStateOf(key, at(limit))).toBe('close');
    expect(limitStateOf(key, at(limit, 1))).toBe('exceeded');
    expect(limitStateOf(key, { numerator: 0, denominator: 0 })).toBeNull();
  });
});

describe('reporting window', () => {
  it('covers the last 30 days without the last 48 hours, in whole UTC days', () => {
    const w = reportingWindow('30d', new Date('2026-05-01T12:34:56Z'));
    expect(w).toEqual({
      key: '30d',
      from: '2026-04-01',
      to: '2026-04-28',
      days: 28,
      startsAt: new Date('2026-04-01T00:00:00Z'),
      endsAt: new Date('2026-04-29T00:00:00Z'),
    });
  });

  it('covers 88 days for the 90-day window', () => {
    const w = reportingWindow('90d', new Date('2026-05-01T12:00:00Z'));
    expect([w.from, w.to, w.days]).toEqual(['2026-01-31', '2026-04-28', 88]);
  });

  it.each(['2026-05-01T00:00:00Z', '2026-05-01T00:00:01Z', '2026-05-01T23:59:59Z'])(
    'leaves out at least the last 48 hours (now %s)',
    (now) => {
      const w = reportingWindow('30d', new Date(now));
      const gap = new Date(now).getTime() - w.endsAt.getTime();
      expect(gap).toBeGreaterThanOrEqual(48 * 3_600_000);
      expect(gap).toBeLessThan(72 * 3_600_000);
    },
  );

  it('buckets the trend by day or by ISO week cut to the window', () => {
    const w = reportingWindow('30d', new Date('2026-05-01T12:00:00Z'));
    const days = trendBuckets(w, 'day');
    expect(days).toHaveLength(28);
    expect(days[0]).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(days.at(-1)).toEqual({ from: '2026-04-28', to: '2026-04-28' });
    expect(trendBuckets(w, 'week')).toEqual([
      { from: '2026-04-01', to: '2026-04-05' }, // Wednesday to Sunday
      { from: '2026-04-06', to: '2026-04-12' },
      { from: '2026-04-13', to: '2026-04-19' },
      { from: '2026-04-20', to: '2026-04-26' },
      { from: '2026-04-27', to: '2026-04-28' },
    ]);
  });
});

describe('not enough data', () => {
  it.each([
    [MINIMUM_SENT - 1, true],
    [MINIMUM_SENT, false],
    [MINIMUM_SENT + 1, false],
  ])('%i marketing emails sent: not enough data = %s', (sent, notEnough) => {
    const figures = rateFigures(counts({ hardBounces: Math.round(sent * 0.1) }, sent), thresholdsFor('software'));
    const hard = figures.find((f) => f.key === 'hardBounce')!;
    expect(hard.value).toBeCloseTo(0.1, 2); // the figure is still given
    expect(hard.band === null).toBe(notEnough);
    expect(hard.limitState === null).toBe(notEnough);
    expect(overallStatus(figures, sent >= MINIMUM_SENT)).toBe(notEnough ? 'not_enough_data' : 'critical');
  });
});

describe('industry thresholds', () => {
  it('has a profile for every industry, below the suspension limits', () => {
    for (const industry of Industry.options) {
      const t = thresholdsFor(industry);
      expect(t.probation.hardBounce).toBeLessThan(0.05);
      expect(t.probation.spamReport).toBeLessThan(0.001);
      expect(t.probation.unsubscribe).toBeLessThan(0.05);
    }
  });

  it('uses the general benchmark where an industry has none of its own', () => {
    expect(thresholdsFor('other')).toMatchObject({ benchmarkSource: 'general', benchmark: GENERAL_BENCHMARK });
    expect(thresholdsFor('manufacturing').benchmarkSource).toBe('general');
    expect(thresholdsFor('software')).toMatchObject({ benchmarkSource: 'industry', benchmark: INDUSTRY_PROFILES.software.benchmark });
  });

  it('is tighter where more email is expected', () => {
    expect(thresholdsFor('ecommerce').probation.hardBounce).toBeLessThan(thresholdsFor('software').probation.hardBounce);
    expect(PROBATION_BY_VOLUME.high.spamReport).toBeLessThan(PROBATION_BY_VOLUME.low.spamReport);
  });
});

describe('probation', () => {
  const software = thresholdsFor('software'); // hard bounce 4%
  const ecommerce = thresholdsFor('ecommerce'); // hard bounce 2%

  it.each([
    ['free', true],
    ['starter', true],
    ['professional', false],
    ['enterprise', false],
  ] as const)('applies to the %s plan: %s', (plan, eligible) => {
    const a = assessProbation(plan, software, counts({ hardBounces: 600 }));
    expect(a.eligible).toBe(eligible);
    expect(a.triggers.map((t) => t.key)).toEqual(['hardBounce']);
    expect(a.figuresWouldTrigger).toBe(eligible);
  });

  it.each([
    [software, 'hardBounce', 0.04],
    [software, 'spamReport', 0.0008],
    [software, 'unsubscribe', 0.03],
    [ecommerce, 'hardBounce', 0.02],
    [ecommerce, 'spamReport', 0.0005],
    [ecommerce, 'unsubscribe', 0.02],
  ] as const)('%#: %s triggers strictly above %s', (t, key, threshold) => {
    const field = { hardBounce: 'hardBounces', spamReport: 'spamReports', unsubscribe: 'unsubscribes' }[key];
    const trig = (delta: number) =>
      assessProbation('starter', t, counts({ [field]: Math.round(threshold * M) + delta, opened: 400_000, clicked: 20_000 }, M));
    expect(trig(-1).figuresWouldTrigger).toBe(false);
    expect(trig(0).figuresWouldTrigger).toBe(false);
    expect(trig(1).figuresWouldTrigger).toBe(true);
    expect(trig(1).triggers).toEqual([{ key, value: (Math.round(threshold * M) + 1) / M, threshold }]);
  });

  it('the same figures trigger in one industry and not another', () => {
    const c = counts({ hardBounces: 300 }); // 3%
    expect(assessProbation('starter', software, c).figuresWouldTrigger).toBe(false);
    expect(assessProbation('starter', ecommerce, c).figuresWouldTrigger).toBe(true);
  });

  it('is not assessed below the minimum volume', () => {
    const a = assessProbation('starter', software, counts({ hardBounces: 300 }, MINIMUM_SENT - 1));
    expect(a).toEqual({ eligible: true, figuresWouldTrigger: false, triggers: [] });
  });

  it('lists every plan', () => expect(Plan.options).toHaveLength(4));
});

describe('overall status', () => {
  const t = thresholdsFor('software');
  const status = (c: EmailCounts) => overallStatus(rateFigures(c, t), c.sent >= MINIMUM_SENT);

  it.each([
    ['healthy: every rate healthy', counts(), 'healthy'],
    ['needs_improvement: a bounce rate with room for improvement', counts({ softBounces: 150 }), 'needs_improvement'],
    ['needs_improvement: opens need attention', counts({ opened: 2000 }), 'needs_improvement'],
    ['at_risk: soft bounces need attention', counts({ softBounces: 201 }), 'at_risk'],
    ['at_risk: unsubscribes need attention', counts({ unsubscribes: 101 }), 'at_risk'],
    ['at_risk: close to the hard bounce limit', counts({ hardBounces: 400 }), 'at_risk'],
    ['at_risk: at the hard bounce limit', counts({ hardBounces: 500 }), 'at_risk'],
    ['critical: over the hard bounce limit', counts({ hardBounces: 501 }), 'critical'],
    ['critical: over the spam limit', counts({ spamReports: 11 }), 'critical'],
    ['not_enough_data', counts({}, 399), 'not_enough_data'],
  ] as const)('%s', (_label, c, expected) => {
    expect(status(c)).toBe(expected);
  });
});

describe('not-sent reasons', () => {
  it('groups every reason as recipient or sender side', () => {
    for (const r of RecipientNotSentReason.options) expect(notSentGroupOf(r)).toBe('recipient');
    for (const r of SenderNotSentReason.options) expect(notSentGroupOf(r)).toBe('sender');
    expect(NotSentReason.options).toHaveLength(RecipientNotSentReason.options.length + SenderNotSentReason.options.length);
  });

  it('counts sender problems, not cancellations or recipient reasons', () => {
    expect(
      senderProblemCount([
        { reason: 'INBOX_AUTH_FAILED', count: 3 },
        { reason: 'MTA_FAILURE', count: 2 },
        { reason: 'CANCELLED_BY_USER', count: 50 },
        { reason: 'UNSUBSCRIBED_ALL', count: 70 },
      ]),
    ).toBe(5);
  });
});

describe('recommendations', () => {
  const t = thresholdsFor('software');
  const run = (c: EmailCounts, opts: { plan?: Plan; onProbation?: boolean; senderProblems?: number } = {}) => {
    const rates: RateFigure[] = rateFigures(c, t);
    const enough = c.sent >= MINIMUM_SENT;
    const probation = assessProbation(opts.plan ?? 'starter', t, c);
    return recommendations({
      rates,
      status: overallStatus(rates, enough),
      probation: { ...probation, onProbation: opts.onProbation ?? probation.figuresWouldTrigger },
      senderProblems: opts.senderProblems ?? 0,
    });
  };

  it('puts the contact review first on probation, then the figure over its limit', () => {
    const recs = run(counts({ hardBounces: 650, softBounces: 150, unsubscribes: 40 }), { senderProblems: 4 });
    expect(recs.map((r) => [r.code, r.severity])).toEqual([
      ['COMPLETE_CONTACT_REVIEW', 'critical'],
      ['REMOVE_BOUNCING_ADDRESSES', 'critical'],
      ['FIX_SENDER_PROBLEMS', 'warning'],
      ['REDUCE_UNSUBSCRIBES', 'suggestion'],
      ['CHECK_SOFT_BOUNCES', 'suggestion'],
    ]);
    expect(recs[0]?.basis).toEqual({
      type: 'rate',
      key: 'hardBounce',
      numerator: 650,
      denominator: 10_000,
      value: 0.065,
      threshold: 0.04,
      thresholdKind: 'probation',
    });
    expect(recs[1]?.basis).toMatchObject({ key: 'hardBounce', threshold: 0.05, thresholdKind: 'suspension' });
    expect(recs[2]?.basis).toEqual({ type: 'not_sent', group: 'sender', count: 4 });
    expect(recs[3]?.basis).toMatchObject({ key: 'unsubscribe', threshold: 0.003, thresholdKind: 'healthy' });
  });

  it('ties a rate over its probation threshold to that threshold (eligible plans only)', () => {
    const c = counts({ hardBounces: 450 }); // 4.5%: over software's 4%, close to the 5% limit
    expect(run(c, { onProbation: false })[0]).toMatchObject({
      code: 'REMOVE_BOUNCING_ADDRESSES',
      severity: 'critical',
      basis: { threshold: 0.04, thresholdKind: 'probation' },
    });
    expect(run(c, { plan: 'enterprise' })[0]).toMatchObject({
      code: 'REMOVE_BOUNCING_ADDRESSES',
      severity: 'warning',
      basis: { threshold: 0.04, thresholdKind: 'warning' },
    });
  });

  it('orders by urgency, then by what matters more for sending', () => {
    const recs = run(counts({ spamReports: 6, softBounces: 250, opened: 2000, clicked: 100 }));
    expect(recs.map((r) => r.code)).toEqual(['REDUCE_SPAM_REPORTS', 'CHECK_SOFT_BOUNCES', 'IMPROVE_OPENS', 'IMPROVE_CLICKS']);
    expect(recs[0]?.basis).toMatchObject({ thresholdKind: 'attention', threshold: 0.0005 });
  });

  it('says keep monitoring when all is healthy, and nothing to judge without enough data', () => {
    expect(run(counts())).toEqual([{ code: 'KEEP_MONITORING', severity: 'suggestion', basis: { type: 'status', status: 'healthy' } }]);
    expect(run(counts({ hardBounces: 100 }, 300))).toEqual([]);
    expect(run(counts({}, 300), { senderProblems: 2 }).map((r) => r.code)).toEqual(['FIX_SENDER_PROBLEMS']);
  });
});
