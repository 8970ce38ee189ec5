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

/** A counter's key and the length of its window. */
export interface CounterWindow {
  key: string;
  windowSeconds: number;
}

/** Adds a failed sign-in to each key's window (a new window once the old one ran out), in one
 * statement. */
export async function recordSignInFailures(db: Queryable, windows: readonly CounterWindow[], now: Date): Promise<void> {
  // An upsert's update sees only the row and EXCLUDED: each key's window length is looked up.
  const ended = `a.window_start <= $3::timestamptz - make_interval(secs => (SELECT w.seconds FROM w WHERE w.key = a.key))`;
  await db.query(
    `WITH w AS (SELECT * FROM unnest($1::text[], $2::int[]) AS w(key, seconds))
     INSERT INTO sign_in_attempts AS a (key, window_start, failures, last_failure_at)
     SELECT w.key, $3, 1, $3 FROM w ORDER BY w.key
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN ${ended} THEN 1 ELSE a.failures + 1 END,
       window_start = CASE WHEN ${ended} THEN $3 ELSE a.window_start END,
       last_failure_at = $3`,
    [windows.map((w) => w.key), windows.map((w) => w.windowSeconds), now],
  );
}

/**
 * The counters of these keys, locked until the transaction ends (a key without one gets an
 * empty counter first, so that there is a row to lock): concurrent sign-ins for the same keys
 * wait here one by one, and each sees the attempts counted before it. One statement: the
 * upsert's (unchanging) update is what locks an existing row and lets it be returned.
 */
export async function lockSignInCounters(
  tx: Queryable,
  keys: string[],
  now: Date,
): Promise<Map<string, FailureCount>> {
  const rows = await tx.query<{ key: string; failures: number; window_start: Date; last_failure_at: Date | null }>(
    `INSERT INTO sign_in_attempts AS a (key, window_start, failures)
     SELECT k, $2, 0 FROM unnest($1::text[]) AS k ORDER BY k
     ON CONFLICT (key) DO UPDATE SET failures = a.failures
     RETURNING a.key, a.failures, a.window_start, a.last_failure_at`,
    [keys, now],
  );
  return new Map(
    rows.map((r) => {
      const windowStart = new Date(r.window_start);
      const lastFailureAt = r.last_failure_at ? new Date(r.last_failure_at) : windowStart;
      return [r.key, { failures: r.failures, windowStart, lastFailureAt }];
    }),
  );
}

/**
 * What a successful sign-in writes, in one statement (atomic on its own, one commit, and no
 * transaction to hold the embedded store's only connection between statements): the
 * session; the user's last sign-in; the account's failures from this address, cleared; and
 * the attempt counted against the address at `countedAt`, taken back (one failure fewer, and
 * the latest failure as it was before, unless another has come since). A counter that is left
 * at zero is then removed, as a second statement: it must see the decrement, and were it
 * lost, a counter at zero counts nothing.
 */
export async function completeSignIn(
  db: Queryable,
  s: {
    accountKey: string;
    addressKey: string;
    countedAt: Date;
    previousFailureAt: Date | null;
    tokenHash: string;
    userId: number;
    csrfToken: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db.query(
    `WITH session AS (
       INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($5, $6, $7, $3, $8)
     ), touched AS (
       UPDATE users SET last_sign_in_at = $3 WHERE id = $6
     ), cleared AS (
       DELETE FROM sign_in_attempts WHERE key = $1
     )
     UPDATE sign_in_attempts
        SET failures = failures - 1,
            last_failure_at = CASE WHEN last_failure_at = $3 THEN $4 ELSE last_failure_at END
      WHERE key = $2 AND failures > 0`,
    [s.accountKey, s.addressKey, s.countedAt, s.previousFailureAt, s.tokenHash, s.userId, s.csrfToken, s.expiresAt],
  );
  await db.query('DELETE FROM sign_in_attempts WHERE key = $1 AND failures <= 0', [s.addressKey]);
}

/** Removes counters that were created for a refused attempt and never counted anything. */
export async function dropEmptySignInCounters(db: Queryable, keys: string[]): Promise<void> {
  await db.query('DELETE FROM sign_in_attempts WHERE key = ANY($1::text[]) AND failures = 0', [keys]);
}
