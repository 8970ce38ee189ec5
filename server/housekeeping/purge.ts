// What housekeeping deletes: rows that no request can use any more. Each kind goes in small
// batches, one short statement each, so that a backlog of a million rows never holds a lock or
// the database's only connection (PGlite) for long: requests slip in between the batches.
import type { Queryable } from '../store/db';

/** How long each kind of row stays useful. */
export interface Retention {
  /** Failed sign-ins count within a window this long (the rate limit's window); an attempt
   * whose window has ended counts for nothing. */
  signInWindowSeconds: number;
  /** A bulk action's answer is replayed for a repeated Idempotency-Key for this long. */
  idempotencySeconds: number;
  /** The longest window of the other rate limits (invites, invite links): a count whose window
   * has ended counts for nothing. */
  rateLimitWindowSeconds: number;
}

export interface Purged {
  sessions: number;
  signInAttempts: number;
  idempotencyKeys: number;
  /** First answers to ingest requests with an Idempotency-Key (same window as idempotencyKeys). */
  ingestAnswers: number;
  rateLimitHits: number;
}

export interface PurgeOptions {
  /** Rows per DELETE (default 500). */
  batchSize?: number;
  /** Asked between batches: true stops the purge there (the server is shutting down). */
  stopped?: () => boolean;
}

/** A DELETE of at most `$2` rows, oldest first, whose key column matches `$1`. */
const PURGES = {
  // Expired sessions: findSession() already ignores them.
  sessions: `DELETE FROM sessions WHERE token_hash IN (
      SELECT token_hash FROM sessions WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2)`,
  // Windows that have ended: recordSignInFailure() starts a new one, signInFailures() ignores them.
  signInAttempts: `DELETE FROM sign_in_attempts WHERE key IN (
      SELECT key FROM sign_in_attempts WHERE window_start <= $1 ORDER BY window_start LIMIT $2)`,
  idempotencyKeys: `DELETE FROM idempotency_keys WHERE (user_id, key) IN (
      SELECT user_id, key FROM idempotency_keys WHERE created_at <= $1 ORDER BY created_at LIMIT $2)`,
  ingestAnswers: `DELETE FROM ingest_requests WHERE (key_id, idempotency_key) IN (
      SELECT key_id, idempotency_key FROM ingest_requests WHERE created_at <= $1 ORDER BY created_at LIMIT $2)`,
  // Ended windows of the invite and invite-link limits: hitRateLimit() starts a new one.
  rateLimitHits: `DELETE FROM rate_limit_hits WHERE key IN (
      SELECT key FROM rate_limit_hits WHERE window_start <= $1 ORDER BY window_start LIMIT $2)`,
} as const;

/** Deletes what is past its window at `now`, batch by batch. Returns how many of each. */
export async function purgeExpired(db: Queryable, now: Date, retention: Retention, options: PurgeOptions = {}): Promise<Purged> {
  const batchSize = options.batchSize ?? 500;
  const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  const cutoffs: Record<keyof Purged, Date> = {
    sessions: now,
    signInAttempts: before(retention.signInWindowSeconds),
    idempotencyKeys: before(retention.idempotencySeconds),
    ingestAnswers: before(retention.idempotencySeconds),
    rateLimitHits: before(retention.rateLimitWindowSeconds),
  };
  const purged: Purged = { sessions: 0, signInAttempts: 0, idempotencyKeys: 0, ingestAnswers: 0, rateLimitHits: 0 };
  for (const kind of Object.keys(PURGES) as (keyof Purged)[]) {
    for (;;) {
      if (options.stopped?.()) return purged;
      const rows = await db.query(`${PURGES[kind]} RETURNING 1`, [cutoffs[kind], batchSize]);
      purged[kind] += rows.length;
      if (rows.length < batchSize) break;
      // Let waiting requests have the event loop (and, on PGlite, the database) between batches.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  return purged;
}
