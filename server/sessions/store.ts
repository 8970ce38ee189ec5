import type { Role } from '../../src/contract/auth';
import type { Session } from '../http/context';
import type { Queryable } from '../store/db';
import type { FailureCount } from './throttle';

export async function insertSession(
  db: Queryable,
  s: { tokenHash: string; userId: number; csrfToken: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.query(
    'INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [s.tokenHash, s.userId, s.csrfToken, s.createdAt, s.expiresAt],
  );
}

/** The live session for a token hash, with its (active) user; null when expired or unknown. */
export async function findSession(db: Queryable, tokenHash: string, now: Date): Promise<Session | null> {
  // The expiry is compared here rather than in SQL: the statement is then the same on every
  // request of a session, which the embedded store answers from memory until the next write.
  const rows = await db.query<{ user_id: number; csrf_token: string; email: string; name: string; role: Role; expires_at: Date }>(
    `SELECT s.user_id, s.csrf_token, u.email, u.name, u.role, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND u.active`,
    [tokenHash],
  );
  const r = rows[0];
  if (!r || new Date(r.expires_at).getTime() <= now.getTime()) return null;
  return {
    userId: r.user_id,
    user: { id: String(r.user_id), email: r.email, name: r.name, role: r.role },
    csrfToken: r.csrf_token,
    tokenHash,
  };
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Adds a failed sign-in to the key's window (a new window once the old one ran out) and
 * returns the failures counted in the current window. */
export async function recordSignInFailure(
  db: Queryable,
  key: string,
  now: Date,
  windowSeconds: number,
): Promise<number> {
  const rows = await db.query<{ failures: number }>(
    `INSERT INTO sign_in_attempts AS a (key, window_start, failures, last_failure_at) VALUES ($1, $2, 1, $2)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN a.window_start <= $2::timestamptz - make_interval(secs => $3) THEN 1 ELSE a.failures + 1 END,
       window_start = CASE WHEN a.window_start <= $2::timestamptz - make_interval(secs => $3) THEN $2 ELSE a.window_start END,
       last_failure_at = $2
     RETURNING failures`,
    [key, now, windowSeconds],
  );
  return rows[0]?.failures ?? 1;
}

/**
 * The counters of these keys, locked until the transaction ends (a key without one gets an
 * empty counter first, so that there is a row to lock): concurrent sign-ins for the same keys
 * wait here one by one, and each sees the attempts counted before it.
 */
export async function lockSignInCounters(
  tx: Queryable,
  keys: string[],
  now: Date,
): Promise<Map<string, FailureCount>> {
  await tx.query(
    `INSERT INTO sign_in_attempts (key, window_start, failures)
     SELECT k, $2, 0 FROM unnest($1::text[]) AS k
     ON CONFLICT (key) DO NOTHING`,
    [keys, now],
  );
  const rows = await tx.query<{ key: string; failures: number; window_start: Date; last_failure_at: Date | null }>(
    'SELECT key, failures, window_start, last_failure_at FROM sign_in_attempts WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE',
    [keys],
  );
  return new Map(
    rows.map((r) => {
      const windowStart = new Date(r.window_start);
      const lastFailureAt = r.last_failure_at ? new Date(r.last_failure_at) : windowStart;
      return [r.key, { failures: r.failures, windowStart, lastFailureAt }];
    }),
  );
}

/** Takes back the attempt counted against the key at `countedAt` (it was a success): one
 * failure fewer, and the latest failure as it was before, unless another has come since. A
 * counter left at zero is removed. */
export async function forgiveSignInAttempt(
  db: Queryable,
  key: string,
  countedAt: Date,
  previousFailureAt: Date | null,
): Promise<void> {
  await db.query(
    `UPDATE sign_in_attempts
        SET failures = failures - 1,
            last_failure_at = CASE WHEN last_failure_at = $2 THEN $3 ELSE last_failure_at END
      WHERE key = $1 AND failures > 0`,
    [key, countedAt, previousFailureAt],
  );
  await db.query('DELETE FROM sign_in_attempts WHERE key = $1 AND failures <= 0', [key]);
}

/** Removes counters that were created for a refused attempt and never counted anything. */
export async function dropEmptySignInCounters(db: Queryable, keys: string[]): Promise<void> {
  await db.query('DELETE FROM sign_in_attempts WHERE key = ANY($1::text[]) AND failures = 0', [keys]);
}

export async function clearSignInFailures(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM sign_in_attempts WHERE key = $1', [key]);
}
