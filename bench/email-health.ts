// Email health bench (issue 5): p50 of GET /api/email-health on the xl dataset (2,000,000
// email events) against the demo one, in the same run. The endpoint reads daily rollups, so
// the ratio should stay near 1 whatever the history; the goal is ≤ 3.
//
// Called from bench/run.ts: `rows.push(...await benchEmailHealth(xlDb, demoDb))`.
import type { Db } from '../server/store/db';
import { p50, signedInGet } from './timing';

export interface EmailHealthBenchRow {
  name: string;
  /** p50 on the xl dataset, ms. */
  large: number;
  /** p50 on the demo dataset, ms. */
  small: number;
  ratio: number;
  goal: number;
}

export interface EmailHealthBenchOptions {
  /** Timed runs per case (after warm-up). Default BENCH_RUNS or 25. */
  runs?: number;
  warmup?: number;
  /** The `now` each dataset was generated for (SeedStats.now). Default: noon of the
   * day of the dataset's latest email event, close enough for timing. */
  xlNow?: Date;
  demoNow?: Date;
}

const GOAL = 3;
/** Timed as the demo marketer. */
const MARKETER = 'marketer@example.com';
const CASES: ReadonlyArray<readonly [string, string]> = [
  ['email health: 30 days, daily trend', '/api/email-health'],
  ['email health: 90 days, weekly trend', '/api/email-health?window=90d&granularity=week'],
  ['email health: not-sent list, one reason', '/api/email-health/not-sent?reason=UNSUBSCRIBED_ALL&limit=50'],
];

/** p50 of the email health endpoints on `xlDb` against `demoDb`. Both must be migrated and seeded. */
export async function benchEmailHealth(xlDb: Db, demoDb: Db, options: EmailHealthBenchOptions = {}): Promise<EmailHealthBenchRow[]> {
  const runs = options.runs ?? Number(process.env.BENCH_RUNS ?? 25);
  const warmup = options.warmup ?? 5;
  const xl = await signedInGet(xlDb, options.xlNow ?? (await dataNow(xlDb)), MARKETER);
  const demo = await signedInGet(demoDb, options.demoNow ?? (await dataNow(demoDb)), MARKETER);

  const rows: EmailHealthBenchRow[] = [];
  for (const [name, url] of CASES) {
    const large = await p50(() => xl(url), runs, warmup);
    const small = await p50(() => demo(url), runs, warmup);
    rows.push({ name, large, small, ratio: large / small, goal: GOAL });
  }
  return rows;
}

/** Noon of the day of the dataset's latest email event (cheap: read from the rollups). */
async function dataNow(db: Db): Promise<Date> {
  const [row] = await db.query<{ day: string | null }>('SELECT max(day)::text AS day FROM email_daily');
  return row?.day ? new Date(`${row.day}T12:00:00Z`) : new Date();
}
