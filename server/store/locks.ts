// Locks shared by every server process on one database. On PostgreSQL they are session-level
// advisory locks, taken on a connection kept aside for the duration (a pooled connection could
// be another session for each query), and the work runs on that same connection, so a pool of
// one is enough. PGlite serves one process, so an in-process queue does the same job there.
// No Node-only imports: migrate() runs in the browser too.
import type { Db } from './db';

/**
 * Advisory lock keys. One per database, not per schema: extensions that migrations create are
 * shared by every schema of a database, so migrating two schemas at once can collide as well.
 * Arbitrary but fixed numbers, so that another application on the same database is unlikely to
 * pick them; never reuse one for something else.
 */
export const LOCKS = {
  /** Migrations and first-start seeding. */
  schema: 7_301_001,
  /** One housekeeping round at a time, across instances. */
  housekeeping: 7_301_002,
} as const;

export type LockName = keyof typeof LOCKS;

/** Per database (tests open many PGlites in one process): the tail of each lock's queue, and
 * the locks being held right now. */
const queues = new WeakMap<Db, { tails: Map<LockName, Promise<unknown>>; held: Set<LockName> }>();

function queueOf(db: Db) {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = { tails: new Map(), held: new Set() }));
  return q;
}

/** Runs `fn` on the database with the lock `name` held, waiting for it if another process has
 * it (`onWait` is told once, so a start that waits says why). */
export async function withLock<T>(
  db: Db,
  name: LockName,
  fn: (conn: Db) => Promise<T>,
  options: { onWait?: () => void } = {},
): Promise<T> {
  if (!db.reserve) return inProcess(db, name, fn, options.onWait);
  return db.reserve(async (conn) => {
    const [{ ok }] = await conn.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LOCKS[name]]);
    if (!ok) {
      options.onWait?.();
      await conn.query('SELECT pg_advisory_lock($1)', [LOCKS[name]]);
    }
    return unlockingAfter(conn, name, () => fn(conn));
  });
}

/** Runs `fn` with the lock `name` held if nobody holds it now; otherwise does nothing and
 * answers `{ ran: false }`. For work that any one instance may do (housekeeping). */
export async function withLockIfFree<T>(
  db: Db,
  name: LockName,
  fn: (conn: Db) => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  if (!db.reserve) {
    const { held, tails } = queueOf(db);
    // Held, or queued for: either way someone is on it.
    if (held.has(name) || tails.has(name)) return { ran: false };
    return { ran: true, value: await inProcess(db, name, fn) };
  }
  return db.reserve(async (conn) => {
    const [{ ok }] = await conn.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LOCKS[name]]);
    if (!ok) return { ran: false as const };
    return unlockingAfter(conn, name, async () => ({ ran: true as const, value: await fn(conn) }));
  });
}

/** Runs `fn`, then lets go of the lock. When `fn` failed, its error is the one worth reporting:
 * a failing unlock then (a broken connection, which PostgreSQL unlocks by ending the session)
 * must not hide it. */
async function unlockingAfter<T>(conn: Db, name: LockName, fn: () => Promise<T>): Promise<T> {
  const unlock = () => conn.query('SELECT pg_advisory_unlock($1)', [LOCKS[name]]);
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    await unlock().catch(() => undefined);
    throw err;
  }
  await unlock();
  return result;
}

/** One process, one database connection (PGlite): queue the holders of each lock. */
async function inProcess<T>(db: Db, name: LockName, fn: (conn: Db) => Promise<T>, onWait?: () => void): Promise<T> {
  const { tails, held } = queueOf(db);
  const before = tails.get(name) ?? Promise.resolve();
  if (held.has(name)) onWait?.();
  const run = before.then(async () => {
    held.add(name);
    try {
      return await fn(db);
    } finally {
      held.delete(name);
    }
  });
  const settled = run.catch(() => undefined);
  tails.set(name, settled);
  void settled.then(() => {
    if (tails.get(name) === settled) tails.delete(name);
  });
  return run;
}
