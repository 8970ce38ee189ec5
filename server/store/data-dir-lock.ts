// One owner for an embedded (PGlite) data folder. PGlite is PostgreSQL in one process, with no
// server to arbitrate: two processes opening the same folder would both write its files and
// corrupt it. So whoever opens the folder first leaves a lock file in it with its pid and host,
// and touches it every few seconds; a second process refuses to start. A lock whose process is
// gone (a crash, a kill -9) is stale and is taken over: on the same host when its pid is dead
// (or is our own pid: a container restarted with the same pid), from anywhere when nobody has
// touched it for a minute (a container that came back with another host name). Hand-written (exclusive create, flag 'wx') rather than a lockfile package: this
// is all it needs. Node only.
import { readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'sequence-desk.lock';
/** How often the owner touches its lock, and how long after the last touch it counts as
 * abandoned whatever its pid says. */
export const HEARTBEAT_MS = 10_000;
export const ABANDONED_AFTER_MS = 60_000;

interface Owner {
  pid: number;
  host: string;
  since: string;
}

export class DataDirInUse extends Error {
  override name = 'DataDirInUse';
}

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

/** Takes the folder's lock for this process, or throws `DataDirInUse` naming the owner. */
export function lockDataDir(dir: string): DataDirLock {
  const file = join(dir, LOCK_FILE);
  const me: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // Two rounds: the second after removing a stale lock (if another process removed it and
  // took the folder in between, the exclusive create fails again and names that one).
  for (let round = 0; ; round++) {
    try {
      writeFileSync(file, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return ownLock(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(file);
    if (owner && !isStale(owner, file)) throw inUse(dir, file, owner);
    if (round > 0) throw inUse(dir, file, owner);
    try {
      unlinkSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

function ownLock(file: string): DataDirLock {
  let released = false;
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // Removed by hand: the next start will simply find no lock.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    process.off('exit', release);
    // Only our own: never remove a lock another process took after ours was broken by hand.
    if (readOwner(file)?.pid !== process.pid) return;
    try {
      unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  // A crash with an exception still runs 'exit' handlers; a kill -9 leaves a stale lock, which
  // the next start recognises by its dead pid.
  process.on('exit', release);
  return { file, release };
}

/** The owner written in the lock, or null for a file that is empty or half-written (a start
 * that crashed between creating and writing it: stale). */
function readOwner(file: string): Owner | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Owner>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, host: String(parsed.host), since: String(parsed.since) } : null;
  } catch {
    return null;
  }
}

/** Stale when its owner is gone: nobody touched it for a minute, or, on this host, its pid is
 * dead or is ours. */
function isStale(owner: Owner, file: string): boolean {
  const touched = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (Date.now() - touched > ABANDONED_AFTER_MS) return true;
  // On another host (a shared folder, another container) the pid says nothing here.
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function inUse(dir: string, file: string, owner: Owner | null): DataDirInUse {
  const who = owner
    ? `another Sequence Desk server (pid ${owner.pid}${owner.host !== hostname() ? ` on ${owner.host}` : ''}, since ${owner.since})`
    : 'another Sequence Desk server';
  return new DataDirInUse(
    `The data folder ${dir} is in use by ${who}. An embedded database cannot be shared between ` +
      'processes: stop the other server first, give this one its own DATA_DIR, or run several ' +
      `servers on one PostgreSQL (DATABASE_URL). If no other server is running, delete ${file}.`,
  );
}
