// The two datasets and the time units the seed counts in. Sizes are exact: the counts the
// benchmarks rely on (1,000,000 enrollments, a sequence of 200,000 and one of 2,000 in `xl`)
// come from here.

export type Dataset = 'demo' | 'xl';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Email events are kept this long (the health views look back six months at most). */
export const EVENT_DAYS = 182;

export interface DatasetConfig {
  /** How far back enrollments go. Longer than the event retention in `xl`, so that its
   * 1,000,000 enrollments do not need more than its 2,000,000 events. */
  historyDays: number;
  /** Stretches the ages of the curated sequences to the history. */
  ageScale: number;
  companies: number;
  /** Contacts in total, the imported lists included. */
  contacts: number;
  /** Purchased / scanned lists imported shortly before probation: the bad addresses. */
  imports: ReadonlyArray<{ daysAgo: number; size: number; name: string }>;
  /** Generated reps on top of the named team. */
  extraReps: number;
  /** Generated sequences on top of the curated ones. */
  extraSequences: number;
  enrollments: number;
  /** Exact sizes for some curated sequences (by index), the rest share what is left. */
  fixedSizes: ReadonlyMap<number, number>;
  /** email_events in total: marketing email fills what sales email leaves. */
  emailEvents: number;
}

// Index of the curated sequences that benchmarks compare (see CURATED_SEQUENCES).
export const LARGEST_CURATED = 0;
export const SMALL_CURATED = 8;

export const CONFIGS: Record<Dataset, DatasetConfig> = {
  demo: {
    historyDays: EVENT_DAYS,
    ageScale: 1,
    companies: 1_150,
    contacts: 5_600,
    imports: [
      { daysAgo: 27, size: 700, name: 'Purchased list — EMEA finance leaders' },
      { daysAgo: 18, size: 550, name: 'Trade-show badge scans' },
    ],
    extraReps: 0,
    extraSequences: 0,
    enrollments: 25_000,
    fixedSizes: new Map(),
    emailEvents: 165_000,
  },
  xl: {
    historyDays: 1095,
    ageScale: 3,
    companies: 48_000,
    contacts: 300_000,
    imports: [
      { daysAgo: 27, size: 6_000, name: 'Purchased list — EMEA finance leaders' },
      { daysAgo: 18, size: 5_000, name: 'Trade-show badge scans' },
    ],
    extraReps: 32,
    extraSequences: 59,
    enrollments: 1_000_000,
    fixedSizes: new Map([
      [LARGEST_CURATED, 200_000],
      [SMALL_CURATED, 2_000],
    ]),
    emailEvents: 2_000_000,
  },
};
