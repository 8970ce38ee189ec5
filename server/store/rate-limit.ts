import { HttpError } from '../http/errors';
import type { Queryable } from './db';

export interface RateLimit {
  /** Requests allowed per key in one window. */
  max: number;
  windowSeconds: number;
}

/**
 * Counts one request against `key` in a fixed window kept in the database (so that every server
 * instance counts the same), and refuses with 429 and Retry-After once the window's allowance is
 * used up. Call it outside the transaction of the change, so that a refused or failed change
 * still counts.
 */
export async function hitRateLimit(db: Queryable, key: string, limit: RateLimit, now: Date): Promise<void> {
  const [row] = await db.query<{ hits: number; window_start: Date }>(
    `INSERT INTO rate_limit_hits AS r (key, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN r.window_start <= $2::timestamptz - make_interval(secs => $3) THEN 1 ELSE r.hits + 1 END,
       window_start = CASE WHEN r.window_start <= $2::timestamptz - make_interval(secs => $3) THEN $2 ELSE r.window_start END
     RETURNING hits, window_start`,
    [key, now, limit.windowSeconds],
  );
  if (!row || row.hits <= limit.max) return;
  const resetAt = new Date(row.window_start).getTime() + limit.windowSeconds * 1000;
  const retryAfter = Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000));
  throw new HttpError(429, 'rate_limited', 'Too many attempts. Try again later.', undefined, {
    'Retry-After': String(retryAfter),
  });
}
