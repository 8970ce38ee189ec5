// Send forecast bench (issue 14): p50 of the send forecast and of a Spread preview on the xl
// dataset (1,000,000 enrollments, 56 inboxes) against the demo one (25,000, 15 inboxes), in the
// same run. Both count the scheduled sends of the coming days through the partial index
// (inbox_id, next_step_at) INCLUDE (sequence_id, current_step) of active enrollments: their
// work follows the sends scheduled in those days, not the history. xl schedules about six
// times the sends per inbox of demo, so the raw ratios are reported for information and the
// judged figure is the time per scheduled send counted (goal ≤ 1.5).
//
// Called from bench/run.ts: `rows.push(...await benchForecast(xlDb, demoDb, { xlNow, demoNow }))`.
import type { Db } from '../server/store/db';
import { p50, signedInGet } from './timing';

export interface ForecastBenchRow {
  name: string;
  large: number;
  small: number;
  ratio: number;
  goal: number | null;
}

const GOAL = 1.5;
/** Timed as the demo manager, who sees every inbox. */
const MANAGER = 'manager@example.com';

/** p50 of the forecast endpoints on `xlDb` against `demoDb`, as the manager (who sees every inbox). */
export async function benchForecast(
  xlDb: Db,
  demoDb: Db,
  options: { xlNow: Date; demoNow: Date; runs?: number; warmup?: number },
): Promise<ForecastBenchRow[]> {
  const runs = options.runs ?? Number(process.env.BENCH_RUNS ?? 25);
  const warmup = options.warmup ?? 5;
  const xl = await signedInGet(xlDb, options.xlNow, MANAGER);
  const demo = await signedInGet(demoDb, options.demoNow, MANAGER);

  const inboxes = async (get: (url: string) => Promise<unknown>) =>
    ((await get('/api/send-forecast')) as { inboxes: Array<{ inbox: { id: string }; days: Array<{ scheduled: number }> }> }).inboxes;
  const [xlInboxes, demoInboxes] = [await inboxes(xl), await inboxes(demo)];
  const sendsOf = (i: (typeof xlInboxes)[number]) => i.days.reduce((s, d) => s + d.scheduled, 0);
  const busiest = (list: typeof xlInboxes) => [...list].sort((a, b) => sendsOf(b) - sendsOf(a))[0]!;
  const [sendsXl, sendsDemo] = [xlInboxes, demoInboxes].map((l) => l.reduce((s, i) => s + sendsOf(i), 0)) as [number, number];
  const [busyXl, busyDemo] = [busiest(xlInboxes), busiest(demoInboxes)];

  const forecastXl = await p50(() => xl('/api/send-forecast'), runs, warmup);
  const forecastDemo = await p50(() => demo('/api/send-forecast'), runs, warmup);
  const previewXl = await p50(() => xl(`/api/inboxes/${busyXl.inbox.id}/spread`), runs, warmup);
  const previewDemo = await p50(() => demo(`/api/inboxes/${busyDemo.inbox.id}/spread`), runs, warmup);
  const [nXl, nDemo] = [xlInboxes.length, demoInboxes.length];
  const perSend = (ms: number, sends: number) => (ms / Math.max(1, sends)) * 1000;
  return [
    { name: `send forecast (${nXl} vs ${nDemo} inboxes) (info)`, large: forecastXl, small: forecastDemo, ratio: forecastXl / forecastDemo, goal: null },
    {
      name: `send forecast, µs per send (${sendsXl} vs ${sendsDemo})`,
      large: perSend(forecastXl, sendsXl),
      small: perSend(forecastDemo, sendsDemo),
      ratio: perSend(forecastXl, sendsXl) / perSend(forecastDemo, sendsDemo),
      goal: GOAL,
    },
    { name: 'spread preview, busiest inbox (info)', large: previewXl, small: previewDemo, ratio: previewXl / previewDemo, goal: null },
    {
      name: `spread preview, µs per send (${sendsOf(busyXl)} vs ${sendsOf(busyDemo)})`,
      large: perSend(previewXl, sendsOf(busyXl)),
      small: perSend(previewDemo, sendsOf(busyDemo)),
      ratio: perSend(previewXl, sendsOf(busyXl)) / perSend(previewDemo, sendsOf(busyDemo)),
      goal: GOAL,
    },
  ];
}
