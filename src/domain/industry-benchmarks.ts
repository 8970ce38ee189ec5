import type { Industry } from '../contract/email-health';

// Thresholds and benchmarks by industry, kept as data (docs/domain.md §5–§6): change the numbers
// here, not the rules in health.ts. Rates are fractions (0.02 = 2%).
//
// Probation thresholds depend on the sending volume expected for the industry. The assumption
// behind the three tiers below: mailbox providers judge the shared sending IPs of free and
// starter accounts by absolute numbers of bounces and complaints, so where large, frequent
// sends to consumer lists are normal (e-commerce, media, travel) the same rate does more harm
// and the thresholds are tighter; where a B2B team mails small, targeted lists (software,
// finance, manufacturing, professional services, healthcare) one bad import moves the rate a
// lot without much absolute harm, so they get more headroom. Every threshold stays below the
// suspension limits (hard bounce 5%, spam 0.1%, unsubscribe 5%): probation comes first.
//
// Benchmarks (open and click rates over delivered emails) are illustrative figures in the
// range email platforms publish; industries without figures of their own (`null`) are compared
// with the general benchmark, and the page says so.

export type SendingVolume = 'low' | 'medium' | 'high';

export interface ProbationThresholds {
  hardBounce: number;
  spamReport: number;
  unsubscribe: number;
}

export interface EngagementBenchmark {
  open: number;
  click: number;
}

export interface IndustryProfile {
  /** Marketing email volume expected for the industry: it sets the probation tier. */
  volume: SendingVolume;
  /** Its own benchmark, or null to use the general one. */
  benchmark: EngagementBenchmark | null;
}

export const PROBATION_BY_VOLUME: Record<SendingVolume, ProbationThresholds> = {
  low: { hardBounce: 0.04, spamReport: 0.0008, unsubscribe: 0.03 },
  medium: { hardBounce: 0.03, spamReport: 0.0006, unsubscribe: 0.025 },
  high: { hardBounce: 0.02, spamReport: 0.0005, unsubscribe: 0.02 },
};

export const GENERAL_BENCHMARK: EngagementBenchmark = { open: 0.3, click: 0.012 };

export const INDUSTRY_PROFILES: Record<Industry, IndustryProfile> = {
  software: { volume: 'low', benchmark: { open: 0.28, click: 0.011 } },
  ecommerce: { volume: 'high', benchmark: { open: 0.29, click: 0.01 } },
  financial_services: { volume: 'low', benchmark: { open: 0.31, click: 0.012 } },
  healthcare: { volume: 'low', benchmark: { open: 0.33, click: 0.013 } },
  education: { volume: 'medium', benchmark: { open: 0.36, click: 0.016 } },
  nonprofit: { volume: 'medium', benchmark: { open: 0.4, click: 0.017 } },
  media: { volume: 'high', benchmark: { open: 0.35, click: 0.015 } },
  manufacturing: { volume: 'low', benchmark: null },
  professional_services: { volume: 'low', benchmark: { open: 0.32, click: 0.012 } },
  real_estate: { volume: 'medium', benchmark: null },
  travel_hospitality: { volume: 'high', benchmark: { open: 0.3, click: 0.011 } },
  other: { volume: 'medium', benchmark: null },
};

export interface IndustryThresholds {
  industry: Industry;
  probation: ProbationThresholds;
  benchmark: EngagementBenchmark;
  benchmarkSource: 'industry' | 'general';
}

/** The probation thresholds and the benchmark an account of `industry` is held to. */
export function thresholdsFor(industry: Industry): IndustryThresholds {
  const profile = INDUSTRY_PROFILES[industry];
  return {
    industry,
    probation: PROBATION_BY_VOLUME[profile.volume],
    benchmark: profile.benchmark ?? GENERAL_BENCHMARK,
    benchmarkSource: profile.benchmark ? 'industry' : 'general',
  };
}
