// Send forecast bench (issue 14): p50 of the send forecast and of a Spread preview on the xl
// dataset (1,000,000 enrollments, 56 inboxes) against the demo one (25,000, 15 inboxes), in the
// same run. Both read the week's scheduled sends per inbox through the (inbox_id, next_step_at)
// index of active enrollments, so what may grow is the work per inbox, not the history: the
// forecast of every inbox is judged per inbox listed (goal ≤ 3), the preview of the busiest
// inbox as it is (goal ≤ 3).
//
// Called from bench/run.ts: `rows.push(...await benchForecast(xlDb, demoDb, { xlNow, demoNow }))`.
import { createApp } from '../server/app';
import type { Clock } from '../server/deps';
import type { Db } from '../server/store/db';
import { signInAs } from '../server/test-utils';

export interface ForecastBenchRow {
  name: string;
  large: number;
  small: number;
  ratio: number;
  goal: number | null;
}

const GOAL = 3;

/** p50 of the forecast endpoints on `xlDb` against `demoDb`, as the manager (who sees every inbox). */
export async function benchForecast(
  xlDb: Db,
  demoDb: Db,
  options: { xlNow: Date; demoNow: Date; runs?: number; warmup?: number },
): Promise<ForecastBenchRow[]> {
  const runs = options.runs ?? Number(process.env.BENCH_RUNS ?? 25);
  const warmup = options.warmup ?? 5;
  const xl = await signedInGet(xlDb, options.xlNow);
  const demo = await signedInGet(demoDb, options.demoNow);

  const inboxes = async (get: (url: string) => Promise<unknown>) =>
    ((await get('/api/send-forecast')) as { inboxes: Array<{ inbox: { id: string }; days: Array<{ scheduled: number }> }> }).inboxes;
  const [xlInboxes, demoInboxes] = [await inboxes(xl), await inboxes(demo)];
  const busiest = (list: typeof xlInboxes) =>
    [...list].sort((a, b) => b.days.reduce((s, d) => s + d.scheduled, 0) - a.days.reduce((s, d) => s + d.scheduled, 0))[0]!.inbox.id;

  const forecastXl = await p50(() => xl('/api/send-forecast'), runs, warmup);
  const forecastDemo = await p50(() => demo('/api/send-forecast'), runs, warmup);
  const previewXl = await p50(() => xl(`/api/inboxes/${busiest(xlInboxes)}/spread`), runs, warmup);
  const previewDemo = await p50(() => demo(`/api/inboxes/${busiest(demoInboxes)}/spread`), runs, warmup);
  const [nXl, nDemo] = [xlInboxes.length, demoInboxes.length];
  return [
    { name: 'send forecast: xl vs demo (info)', large: forecastXl, small: forecastDemo, ratio: forecastXl / forecastDemo, goal: null },
    {
      name: `send forecast per inbox (${nXl} vs ${nDemo})`,
      large: forecastXl / nXl,
      small: forecastDemo / nDemo,
      ratio: forecastXl / nXl / (forecastDemo / nDemo),
      goal: GOAL,
    },
    { name: 'spread preview, busiest inbox', large: previewXl, small: previewDemo, ratio: previewXl / previewDemo, goal: GOAL },
  ];
}

/** A GET as the demo manager against an app whose clock stands at `now`. */
async function signedInGet(db: Db, now: Date): Promise<(url: string) => Promise<unknown>> {
  const clock: Clock = { now: () => new Date(now) };
  const app = createApp({ db, clock, version: 'bench' });
  const { headers } = await signInAs(app, 'manager@example.com');
  return async (url) => {
    const r = await app.request(url, { headers: { Cookie: headers.Cookie } });
    if (r.status !== 200) throw new Error(`${url} → ${r.status} ${await r.text()}`);
    return r.json();
  };
}

async function p50(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}
