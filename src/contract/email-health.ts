import { z } from 'zod';
import { MailboxProvider, NotSentReason, Plan } from './codes';

// The email health view (docs/domain.md §3, §5, §6). Rates are fractions in [0, 1]; the UI formats
// them as percentages. Every figure carries the counts behind it ("41 of 12,310").

/** The account's industry: it picks the probation thresholds and the benchmark. `other` has
 * no data of its own and uses the general one. */
export const Industry = z.enum([
  'software',
  'ecommerce',
  'financial_services',
  'healthcare',
  'education',
  'nonprofit',
  'media',
  'manufacturing',
  'professional_services',
  'real_estate',
  'travel_hospitality',
  'other',
]);
export type Industry = z.infer<typeof Industry>;

export const HealthWindow = z.enum(['30d', '90d']);
export type HealthWindow = z.infer<typeof HealthWindow>;

export const TrendGranularity = z.enum(['day', 'week']);
export type TrendGranularity = z.infer<typeof TrendGranularity>;

export const RateKey = z.enum(['hardBounce', 'softBounce', 'spamReport', 'unsubscribe', 'open', 'click']);
export type RateKey = z.infer<typeof RateKey>;

/** docs/domain.md §6's three bands. */
export const HealthBand = z.enum(['healthy', 'room_for_improvement', 'needs_attention']);
export type HealthBand = z.infer<typeof HealthBand>;

/** Against a suspension limit: `close` is the warning shown before suspension. */
export const LimitState = z.enum(['within', 'close', 'exceeded']);
export type LimitState = z.infer<typeof LimitState>;

/** The account as a whole; see src/domain/health.ts `overallStatus` for the rules. */
export const HealthStatus = z.enum(['not_enough_data', 'healthy', 'needs_improvement', 'at_risk', 'critical']);
export type HealthStatus = z.infer<typeof HealthStatus>;

export const NotSentGroup = z.enum(['recipient', 'sender']);
export type NotSentGroup = z.infer<typeof NotSentGroup>;

export const EmailKind = z.enum(['sales', 'marketing']);
export type EmailKind = z.infer<typeof EmailKind>;

export const RecommendationCode = z.enum([
  'COMPLETE_CONTACT_REVIEW',
  'REMOVE_BOUNCING_ADDRESSES',
  'REDUCE_SPAM_REPORTS',
  'REDUCE_UNSUBSCRIBES',
  'CHECK_SOFT_BOUNCES',
  'FIX_SENDER_PROBLEMS',
  'IMPROVE_OPENS',
  'IMPROVE_CLICKS',
  'KEEP_MONITORING',
]);
export type RecommendationCode = z.infer<typeof RecommendationCode>;

const IsoDate = z.iso.date();
const Fraction = z.number().min(0).max(1);
const Count = z.number().int().nonnegative();

// ---- query -----------------------------------------------------------------------------------

export const EmailHealthQuery = z
  .object({
    window: HealthWindow.default('30d').describe('Last 30 or 90 days, leaving out the last 48 hours'),
    granularity: TrendGranularity.default('day').describe('Trend buckets: UTC days or ISO weeks (Monday first)'),
  })
  .strict();
export type EmailHealthQuery = z.infer<typeof EmailHealthQuery>;

// ---- response --------------------------------------------------------------------------------

export const ReportingWindow = z
  .object({
    key: HealthWindow,
    from: IsoDate.describe('First UTC day covered (inclusive)'),
    to: IsoDate.describe('Last UTC day covered (inclusive)'),
    days: z.number().int().positive(),
    startsAt: z.iso.datetime().describe('Start, inclusive'),
    endsAt: z.iso.datetime().describe('End, exclusive: at least 48 hours before asOf'),
  })
  .meta({ id: 'ReportingWindow' });
export type ReportingWindow = z.infer<typeof ReportingWindow>;

/** A value with the counts behind it; value is null when the denominator is 0. */
const Ratio = {
  value: Fraction.nullable(),
  numerator: Count,
  denominator: Count,
};

export const HealthRate = z
  .object({
    key: RateKey,
    ...Ratio,
    denominatorKind: z.enum(['sent', 'delivered']).describe('Bounces are over sent emails; the rest over delivered ones'),
    better: z.enum(['lower', 'higher']),
    band: HealthBand.nullable().describe('Null when there is not enough data or nothing to divide by'),
    bandEdges: z
      .object({ healthy: Fraction, attention: Fraction })
      .describe('Healthy beyond `healthy` (strictly), needs attention beyond `attention` (strictly), in the direction of `better`'),
    suspensionLimit: Fraction.nullable(),
    limitState: LimitState.nullable(),
    probationThreshold: Fraction.nullable().describe('For the account\'s industry; above it (strictly) an eligible plan goes on probation'),
    benchmark: Fraction.nullable().describe('Industry or general benchmark (open and click rates)'),
  })
  .meta({ id: 'HealthRate' });
export type HealthRate = z.infer<typeof HealthRate>;

export const ThresholdLine = z.object({
  kind: z.enum(['healthy', 'attention', 'suspension', 'probation', 'benchmark']),
  value: Fraction,
});
export type ThresholdLine = z.infer<typeof ThresholdLine>;

export const TrendPoint = z.object({ from: IsoDate, to: IsoDate, ...Ratio });
export type TrendPoint = z.infer<typeof TrendPoint>;

export const TrendSeries = z.object({ key: RateKey, thresholds: z.array(ThresholdLine), points: z.array(TrendPoint) });
export type TrendSeries = z.infer<typeof TrendSeries>;

const RatioFigure = z.object(Ratio);

export const ProviderBreakdown = z.object({
  provider: MailboxProvider,
  sent: Count,
  delivered: Count,
  hardBounce: RatioFigure,
  softBounce: RatioFigure,
  spamReport: RatioFigure,
});
export type ProviderBreakdown = z.infer<typeof ProviderBreakdown>;

export const NotSentReasonCount = z.object({
  reason: NotSentReason,
  count: Count.describe('Emails not sent for this reason in the window, sales and marketing'),
  sales: Count,
  marketing: Count,
});
export type NotSentReasonCount = z.infer<typeof NotSentReasonCount>;

export const NotSentSummary = z.object({
  total: Count,
  groups: z
    .array(z.object({ group: NotSentGroup, total: Count, reasons: z.array(NotSentReasonCount) }))
    .describe('Recipient problems first, then sender / account / provider ones; reasons by count, most first'),
});
export type NotSentSummary = z.infer<typeof NotSentSummary>;

export const RecommendationBasis = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('rate'),
    key: RateKey,
    ...Ratio,
    threshold: Fraction,
    thresholdKind: z
      .enum(['suspension', 'probation', 'warning', 'attention', 'healthy'])
      .describe('What `threshold` is: the suspension limit, the industry probation threshold, where the suspension warning starts, the needs-attention edge, or the healthy edge to reach'),
  }),
  z.object({ type: z.literal('not_sent'), group: NotSentGroup, count: Count }),
  z.object({ type: z.literal('status'), status: HealthStatus }),
]);
export type RecommendationBasis = z.infer<typeof RecommendationBasis>;

export const Recommendation = z.object({
  code: RecommendationCode,
  severity: z.enum(['critical', 'warning', 'suggestion']),
  basis: RecommendationBasis.describe('The figure behind the recommendation'),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const ProbationTrigger = z.object({ key: RateKey, value: Fraction, threshold: Fraction });

export const ProbationState = z
  .object({
    eligible: z.boolean().describe('Probation applies to the free and starter plans only'),
    plan: Plan,
    figuresWouldTrigger: z.boolean().describe('The last 30 days (less 48 h) cross an industry probation threshold'),
    triggers: z.array(ProbationTrigger),
    onProbation: z
      .boolean()
      .describe('The account\'s stored state is under watch (probation, a warning or suspension); see /api/probation'),
    since: z.iso.datetime().nullable().describe('When the current probation began'),
  })
  .meta({ id: 'ProbationState' });
export type ProbationState = z.infer<typeof ProbationState>;

export const Benchmark = z
  .object({
    industry: Industry,
    source: z.enum(['industry', 'general']).describe('Whether the industry has a benchmark of its own'),
    open: Fraction,
    click: Fraction,
  })
  .meta({ id: 'Benchmark' });
export type Benchmark = z.infer<typeof Benchmark>;

/** A rate heading towards a threshold at its current 14-day trend (docs/domain.md §9). */
export const EarlyWarning = z.object({
  key: RateKey,
  value: Fraction.describe('The rate now: the 30-day figure'),
  slopePerDay: z.number().describe('Change of the daily rate per day (least squares over the last 14 days)'),
  threshold: Fraction,
  thresholdKind: z.enum(['attention', 'probation', 'warning', 'suspension']),
  days: z.number().int().positive().describe('About this many days to the threshold at this pace'),
  recommendation: RecommendationCode,
});
export type EarlyWarning = z.infer<typeof EarlyWarning>;

export const EmailHealth = z
  .object({
    asOf: z.iso.datetime(),
    window: ReportingWindow,
    minimumSent: Count.describe('Marketing emails sent in the window below which there is not enough data'),
    sent: Count.describe('Marketing emails sent in the window'),
    delivered: Count,
    notEnoughData: z.boolean(),
    status: HealthStatus,
    rates: z.array(HealthRate).describe('Marketing email only: hard bounce, soft bounce, spam report, unsubscribe, open, click'),
    benchmark: Benchmark,
    trend: z.object({ granularity: TrendGranularity, series: z.array(TrendSeries) }),
    providers: z.array(ProviderBreakdown).describe('Marketing email per mailbox provider: gmail, outlook, yahoo, other'),
    notSent: NotSentSummary,
    recommendations: z.array(Recommendation).describe('Most urgent first'),
    earlyWarnings: z.array(EarlyWarning).describe('Rates heading towards a threshold, soonest first; none when flat or improving'),
    probation: ProbationState.describe('Assessed on the 30-day window whichever window is asked for'),
  })
  .meta({ id: 'EmailHealth' });
export type EmailHealth = z.infer<typeof EmailHealth>;

// ---- not-sent contacts -----------------------------------------------------------------------

export const NotSentListQuery = z
  .object({
    window: HealthWindow.default('30d'),
    reason: NotSentReason.optional(),
    kind: EmailKind.optional(),
    q: z.string().trim().min(1).max(200).optional().describe('Search in contact name and email'),
    cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type NotSentListQuery = z.infer<typeof NotSentListQuery>;

export const NotSentEmail = z
  .object({
    id: z.string().describe('The email event'),
    contact: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    occurredAt: z.iso.datetime(),
    kind: EmailKind,
    reason: NotSentReason,
    group: NotSentGroup,
  })
  .meta({ id: 'NotSentEmail' });
export type NotSentEmail = z.infer<typeof NotSentEmail>;

export const NotSentPage = z
  .object({
    window: ReportingWindow,
    items: z.array(NotSentEmail).describe('Newest first, one per email not sent'),
    nextCursor: z.string().nullable(),
    total: Count,
  })
  .meta({ id: 'NotSentPage' });
export type NotSentPage = z.infer<typeof NotSentPage>;

export const ContactNotSent = z
  .object({
    items: z
      .array(z.object({ id: z.string(), occurredAt: z.iso.datetime(), kind: EmailKind, reason: NotSentReason, group: NotSentGroup }))
      .describe('Every email not sent to the contact, newest first (at most 500)'),
    total: Count,
  })
  .meta({ id: 'ContactNotSent' });
export type ContactNotSent = z.infer<typeof ContactNotSent>;

// ---- account ---------------------------------------------------------------------------------

export const Account = z
  .object({
    name: z.string(),
    plan: Plan,
    industry: Industry,
    probationEligible: z.boolean(),
    benchmarkSource: z.enum(['industry', 'general']),
    industries: z.array(z.object({ industry: Industry, benchmarkSource: z.enum(['industry', 'general']) })),
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof Account>;

export const UpdateIndustryRequest = z.object({ industry: Industry }).strict().meta({ id: 'UpdateIndustryRequest' });
export type UpdateIndustryRequest = z.infer<typeof UpdateIndustryRequest>;
