// What the in-process API benches share: a signed-in GET against an app whose clock stands at a
// given moment, and the median time of a call after a warm-up.
import { createApp } from '../server/app';
import type { Clock } from '../server/deps';
import type { Db } from '../server/store/db';
import { signInAs } from '../server/test-utils';

/** A GET as `email` (a demo user) against an app whose clock stands at `now`. */
export async function signedInGet(db: Db, now: Date, email: string): Promise<(url: string) => Promise<unknown>> {
  const clock: Clock = { now: () => new Date(now) };
  const app = createApp({ db, clock, version: 'bench' });
  const { headers } = await signInAs(app, email);
  const cookie = headers.Cookie;
  return async (url) => {
    const r = await app.request(url, { headers: { Cookie: cookie } });
    if (r.status !== 200) throw new Error(`${url} → ${r.status} ${await r.text()}`);
    return r.json();
  };
}

/** The median of `runs` timed calls of `fn`, in ms, after `warmup` untimed ones. */
export async function p50(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<number> {
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
